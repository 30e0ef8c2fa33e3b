// The shape of schemas/cli-schema.json: the `cargo-ai` command tree with every flag and positional.
// Only scripts/schema/ and the generator (scripts/schema-gen/) read or write this shape; rules go through scripts/schema/index.ts.

export type FlagType = 'switch' | 'string' | 'number' | 'enum' | 'list' | 'json';

/** A draft-07 JSON Schema (kept loose: the generator builds it, ajv checks it). */
export type JsonSchema = Record<string, unknown>;

export interface ListItems {
  type: 'string' | 'number' | 'enum';
  values?: string[];
}

export interface FlagSpec {
  /** Kebab-case name without the leading dashes. */
  name: string;
  type: FlagType;
  required: boolean;
  /** Payload field the flag fills (absent for CLI-only flags). */
  field?: string;
  /** Allowed values of an `enum` flag. */
  values?: string[];
  /** Element type of a `list` flag. */
  items?: ListItems;
  /** JSON Schema of a `json` flag's value; `$ref`s point into the definitions file. */
  schema?: JsonSchema;
  description?: string;
  /** Where a flag not read from the API types comes from (overrides entry). */
  source?: string;
}

export interface PositionalSpec {
  name: string;
  type: 'string' | 'number';
  required: boolean;
  /** Payload field or parameter the positional fills. */
  field?: string;
  source?: string;
}

export interface CommandSpec {
  /** Words after `cargo-ai`: `['orchestration', 'run', 'create']`, or `['login']` for CLI-only commands. */
  path: string[];
  /** `domain.resource.method` of `@cargo-ai/api`; absent for CLI-only commands. */
  api?: string;
  positionals: PositionalSpec[];
  flags: FlagSpec[];
  description?: string;
  source?: string;
  /** The CLI has this command but its flags are not known: any flag is accepted. */
  openFlags?: boolean;
  /** What the command prints (API commands only). */
  result?: ResultSpec;
  /** The error reasons the command's API method can raise (read from the client's implementation). */
  errorReasons?: string[];
}

/**
 * What a command prints: the JSON of its API method's awaited result (`body`), nothing (`none`: the method
 * returns void), or something the types cannot tell (`unknown`, with where that is known from).
 */
export type ResultSpec =
  | {
      kind: 'body';
      /** JSON Schema of the answer; `$ref`s point into the definitions file. */
      schema: JsonSchema;
      /**
       * The method passes `replaceNullByUndefined: false` to the fetcher. Every other method's answer has its
       * null-valued keys deleted.
       */
      keepsNulls: boolean;
      /** With `keepsNulls`: nulls survive only under these property paths (`release.testRecords`, `releases[].testRecords`); absent when everywhere. */
      nullsKeptAt?: string[];
    }
  | { kind: 'none' }
  | { kind: 'unknown'; source: string };

export interface CliSchema {
  $comment: string;
  source: Record<string, string>;
  /** Flags every command accepts (`--help`). */
  globalFlags: FlagSpec[];
  commands: CommandSpec[];
}

export interface DefinitionsFile {
  $schema: string;
  $id: string;
  $comment: string;
  source: Record<string, string>;
  definitions: Record<string, JsonSchema>;
}

export const DEFINITIONS_ID = 'cli-json-definitions.json';
