// The one place that knows the shape of schemas/cli-schema.json: loads it once, resolves command words to a
// command, and hands out the JSON checker for flag values. Rules and tools query this module only.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { bundleFile, schemaPath } from '../core/paths.ts';
import { precompiledValidator } from './precompiled.ts';
import { JsonChecker } from './json-check.ts';
import { type CliSchema, type CommandSpec, DEFINITIONS_ID, type DefinitionsFile, type FlagSpec } from './model.ts';
import { nearest } from './suggest.ts';

export type { CommandSpec, FlagSpec, PositionalSpec, FlagType, ListItems, ResultSpec, JsonSchema } from './model.ts';

interface TreeNode {
  /** The command these words complete, if any. */
  command?: CommandSpec;
  children: Map<string, TreeNode>;
}

export interface LoadedSchema {
  schema: CliSchema;
  commands: CommandSpec[];
  globalFlags: Map<string, FlagSpec>;
  /** Domains in the order of the file. */
  domains: string[];
  tree: TreeNode;
  json: JsonChecker;
  /** The shared JSON Schema definitions that flag and result schemas `$ref`. */
  definitions: DefinitionsFile['definitions'];
}

const LEVELS = ['domain', 'resource', 'action'] as const;
export type Level = (typeof LEVELS)[number];

export type Resolution =
  | { ok: true; command: CommandSpec; consumed: number }
  | {
      ok: false;
      /** The word is not known at this level (`unknown`), or the words stop before a command (`incomplete`). */
      reason: 'unknown' | 'incomplete';
      level: Level;
      /** Index of the unknown word (for `incomplete`: of the last word given, -1 when none). */
      index: number;
      /** Nearest valid spellings of the unknown word. */
      suggestions: string[];
      /** Every valid word at this level. */
      valid: string[];
    };

const loaded = new Map<string, LoadedSchema>();
const DEFAULT_SCHEMA_DIR = path.dirname(schemaPath('cli-schema.json'));

/**
 * The text of a schema file. Run from the bundle, this repository's two large ones are read from the compact
 * copies the bundle build writes beside it (no indentation: half the size, quicker to read and parse); a
 * copy that is not there (a build still under way) gives way to the file itself.
 */
function readSchemaFile(dir: string, name: string): string {
  if (bundleFile && dir === DEFAULT_SCHEMA_DIR) {
    try {
      return readFileSync(path.join(path.dirname(bundleFile), name), 'utf8');
    } catch {
      // Read below.
    }
  }
  return readFileSync(path.join(dir, name), 'utf8');
}

/** Loads (once per directory) the command schema and its JSON definitions. */
export function loadCliSchema(dir = DEFAULT_SCHEMA_DIR): LoadedSchema {
  let known = loaded.get(dir);
  if (!known) {
    known = new LoadedCliSchema(dir);
    loaded.set(dir, known);
  }
  return known;
}

class LoadedCliSchema implements LoadedSchema {
  readonly schema: CliSchema;
  readonly commands: CommandSpec[];
  readonly globalFlags: Map<string, FlagSpec>;
  readonly domains: string[];
  readonly tree: TreeNode = { children: new Map() };
  readonly json: JsonChecker;
  private definitionsFile: DefinitionsFile | undefined;

  constructor(private readonly dir: string) {
    this.schema = JSON.parse(readSchemaFile(dir, 'cli-schema.json')) as CliSchema;
    this.commands = this.schema.commands;
    this.globalFlags = new Map(this.schema.globalFlags.map((flag) => [flag.name, flag]));
    this.domains = [...new Set(this.commands.filter((command) => command.api).map((command) => command.path[0]))];
    for (const command of this.commands) {
      let node = this.tree;
      for (const word of command.path) {
        let child = node.children.get(word);
        if (!child) {
          child = { children: new Map() };
          node.children.set(word, child);
        }
        node = child;
      }
      node.command = command;
    }
    // Validators generated ahead of time match this repository's schemas only.
    this.json = new JsonChecker(() => this.readDefinitions(), dir === DEFAULT_SCHEMA_DIR ? precompiledValidator : undefined);
  }

  get definitions(): DefinitionsFile['definitions'] {
    return this.readDefinitions().definitions;
  }

  /** The definitions (half a megabyte) are parsed when first read: a page's commands and flags need none. */
  private readDefinitions(): DefinitionsFile {
    this.definitionsFile ??= JSON.parse(readSchemaFile(this.dir, DEFINITIONS_ID)) as DefinitionsFile;
    return this.definitionsFile;
  }
}

/**
 * A word the command tree does not know, its suggestions worked out when read: most look-ups that miss (a
 * heading's words, a lone word in backticks) never ask. A class, not an object literal with a getter, whose
 * hidden class of its own would keep it through the young generation's collections.
 */
class UnknownWord {
  readonly ok = false;
  readonly reason = 'unknown';
  readonly level: Level;
  private nearest: string[] | undefined;

  constructor(
    private readonly word: string,
    readonly index: number,
    readonly valid: string[],
  ) {
    this.level = LEVELS[Math.min(index, 2)];
  }

  get suggestions(): string[] {
    this.nearest ??= nearest(this.word, this.valid);
    return this.nearest;
  }
}

/**
 * Finds the command named by the first words (`['orchestration', 'run', 'get', '<uuid>']` → `orchestration
 * run get`, 3 words consumed). Stops at the first flag.
 */
export function resolveCommand(words: readonly string[], schema = loadCliSchema()): Resolution {
  let node = schema.tree;
  let depth = 0;
  for (; depth < words.length; depth++) {
    const word = words[depth];
    if (word.startsWith('-')) break;
    const child = node.children.get(word);
    if (!child) {
      // A complete command followed by a positional argument.
      if (node.command) return { ok: true, command: node.command, consumed: depth };
      return new UnknownWord(word, depth, [...node.children.keys()]);
    }
    node = child;
    if (node.children.size === 0) return { ok: true, command: node.command!, consumed: depth + 1 };
  }
  if (node.command) return { ok: true, command: node.command, consumed: depth };
  return { ok: false, reason: 'incomplete', level: LEVELS[Math.min(depth, 2)], index: depth - 1, suggestions: [], valid: [...node.children.keys()] };
}

/** The command at exactly this path (`orchestration run create`), if any. */
export function findCommand(pathWords: readonly string[], schema = loadCliSchema()): CommandSpec | undefined {
  const resolved = resolveCommand(pathWords, schema);
  return resolved.ok && resolved.consumed === pathWords.length ? resolved.command : undefined;
}

/** The flag `name` (without dashes) of `command`, or a global flag. */
export function findFlag(command: CommandSpec, name: string, schema = loadCliSchema()): FlagSpec | undefined {
  return command.flags.find((flag) => flag.name === name) ?? schema.globalFlags.get(name);
}

/** Each loaded schema's commands by domain, gathered once: pages ask for a domain's commands word by word. */
const byDomain = new WeakMap<LoadedSchema, Map<string, CommandSpec[]>>();

/** Commands of one domain (API commands and CLI-only ones under it); the list is shared, not to be changed. */
export function commandsOf(domain: string, schema = loadCliSchema()): readonly CommandSpec[] {
  let domains = byDomain.get(schema);
  if (!domains) {
    domains = new Map();
    for (const command of schema.commands) {
      const list = domains.get(command.path[0]);
      if (list) list.push(command);
      else domains.set(command.path[0], [command]);
    }
    byDomain.set(schema, domains);
  }
  return domains.get(domain) ?? [];
}

export function commandName(command: CommandSpec): string {
  return command.path.join(' ');
}
