// The shape of a rule: metadata that both runs it and documents it, and one check function.
import type { Document, DocumentIndex, Invocation, Project, Severity, Span, TextEdit } from './types.ts';

export interface RuleMeta {
  /** Kebab-case id, used in config files, disable comments and output. */
  id: string;
  description: string;
  severity: Severity;
  /** Profile the rule belongs to: 'spec' rules run for any skills repository, 'cargo' rules only for ours. */
  profile: 'spec' | 'cargo';
  /** The options a config file may set, each a JSON Schema with its default: validated when the config loads. */
  options?: OptionSchemas;
  /** The rule attaches a repair to the reports it can repair safely (`check --fix`). */
  fixable?: true;
}

/** One rule option: a JSON Schema (the subset rules need) with its default and what it means. */
export interface OptionSchema {
  type: 'integer' | 'number' | 'string' | 'array';
  description: string;
  /** Absent only where the rule's own fallback is not a JSON value (a file inside this repository). */
  default?: number | string | readonly string[];
  minimum?: number;
  exclusiveMinimum?: number;
  maximum?: number;
  minLength?: number;
  items?: { type: 'string'; minLength?: number };
  /** A path relative to the skills root that must name an existing file: checked once the root is known. */
  existingFile?: boolean;
}

export type OptionSchemas = Readonly<Record<string, OptionSchema>>;

type ValueOf<T extends OptionSchema['type']> = T extends 'integer' | 'number' ? number : T extends 'string' ? string : readonly string[];

/** The options a rule reads: every one typed by its schema, present whenever the schema gives a default. */
export type OptionValues<S extends OptionSchemas> = {
  readonly [K in keyof S]: S[K] extends { default: unknown } ? ValueOf<S[K]['type']> : ValueOf<S[K]['type']> | undefined;
};

/** The defaults of a rule's options, under the values a config file gave. */
export function optionsWithDefaults(meta: RuleMeta, configured: Record<string, unknown> = {}): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const [name, schema] of Object.entries(meta.options ?? {})) {
    if (schema.default !== undefined) values[name] = schema.default;
  }
  return { ...values, ...configured };
}

export interface Report {
  span: Span;
  message: string;
  hint?: string;
  /** Report against another document than the one being checked (package-level rules). */
  path?: string;
  /** `warning` lowers this finding below the rule's severity: the rule is sure of the defect, not of its weight. */
  severity?: 'warning';
  /**
   * The one repair that makes this report go away without changing what the text means: edits to the
   * reported document. Left out when more than one repair is possible.
   */
  fix?: TextEdit[];
}

interface BaseContext<S extends OptionSchemas> {
  /** Active profile: 'spec' checks only what the Agent Skills specification requires. */
  profile: 'spec' | 'cargo';
  /** The rule's options: the config file's (`rules: { id: ['warning', {...}] }`), validated, over the defaults. */
  options: OptionValues<S>;
  report(report: Report): void;
}

/** What a per-file rule sees besides its document: nothing of other files, so it can run on any thread. */
export interface FileContext<S extends OptionSchemas = OptionSchemas> extends BaseContext<S> {
  /** Absolute skills root (links may not leave it; option paths are relative to it). */
  root: string;
  /** The document's `cargo-ai` invocations. */
  invocations: Invocation[];
  /** The files this run lints, when known: each exists, so a link to one needs no look-up (see resolveLink). */
  linted?: ReadonlySet<string>;
}

export interface RuleContext<S extends OptionSchemas = OptionSchemas> extends BaseContext<S> {
  project: Project;
}

export interface Rule<S extends OptionSchemas = OptionSchemas> {
  meta: RuleMeta & { options?: S };
  /** Runs once per markdown document, reading that document only. */
  checkFile?(doc: Document, context: FileContext<S>): void;
  /** Runs once per markdown document, with the project's index of the other documents (anchors, links). */
  checkDocument?(doc: DocumentIndex, context: RuleContext<S>): void;
  /** Runs once per lint, over the whole project (catalog, reachability, collisions). */
  checkProject?(project: Project, context: RuleContext<S>): void;
}

/** A rule with options: its checks read them typed by `meta.options`. */
export function defineRule<S extends OptionSchemas>(rule: Rule<S> & { meta: { options: S } }): Rule<S> {
  return rule;
}
