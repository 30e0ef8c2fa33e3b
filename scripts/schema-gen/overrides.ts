// The overrides file (schemas/cli-overrides.jsonc): CLI facts the API types cannot tell, applied on top of
// the commands read from them.
import { readFileSync } from 'node:fs';
import { type ParseError, parse, printParseErrorCode } from 'jsonc-parser';
import type { CommandSpec, FlagSpec, FlagType, PositionalSpec, ResultSpec } from '../schema/model.ts';

export interface FlagOverride extends Partial<FlagSpec> {
  name: string;
  source: string;
  remove?: boolean;
}

export interface PositionalOverride {
  /** Payload field that becomes positional (its flag is removed). */
  field: string;
  name: string;
  source: string;
}

export interface CommandOverride {
  path: string[];
  source: string;
  flags?: (Partial<FlagSpec> & { name: string })[];
  positionals?: PositionalSpec[];
  /** Flags are not known: any flag is accepted. */
  openFlags?: boolean;
}

/** A seed example that contradicts the API types, and what was decided. */
export interface SeedConflict {
  /** `seeds/<file>:<line>` where the command starts. */
  source: string;
  /** Rules that flag the example. */
  rules: string[];
  decision: string;
}

/** What a command prints when its API method's result type does not tell it. */
export type ResultOverride = Extract<ResultSpec, { kind: 'unknown' }> | { kind: 'none'; source: string };

export interface Overrides {
  globalFlags: FlagOverride[];
  results: Record<string, ResultOverride>;
  commands: CommandOverride[];
  flags: Record<string, FlagOverride[]>;
  positionals: Record<string, PositionalOverride[]>;
  seedConflicts: SeedConflict[];
}

const FLAG_TYPES: ReadonlySet<FlagType> = new Set(['switch', 'string', 'number', 'enum', 'list', 'json']);

export function loadOverrides(file: string): Overrides {
  const errors: ParseError[] = [];
  const value = parse(readFileSync(file, 'utf8'), errors, { allowTrailingComma: false });
  if (errors.length > 0) throw new Error(`${file}: ${printParseErrorCode(errors[0].error)} at offset ${errors[0].offset}`);
  const overrides: Overrides = { globalFlags: [], commands: [], flags: {}, positionals: {}, results: {}, seedConflicts: [], ...(value as Partial<Overrides>) };
  const problems: string[] = [];
  const checkFlag = (where: string, flag: Partial<FlagOverride>, needsSource: boolean) => {
    if (typeof flag.name !== 'string' || !/^[a-z0-9][a-z0-9-]*$/.test(flag.name)) problems.push(`${where}: flag name must be kebab-case`);
    if (!flag.remove && !FLAG_TYPES.has(flag.type as FlagType)) problems.push(`${where}: flag \`${flag.name}\` has no valid type`);
    if (needsSource && typeof flag.source !== 'string') problems.push(`${where}: flag \`${flag.name}\` has no source`);
  };
  overrides.globalFlags.forEach((flag) => checkFlag('globalFlags', flag, true));
  for (const command of overrides.commands) {
    if (typeof command.source !== 'string') problems.push(`commands ${command.path?.join(' ')}: no source`);
    for (const flag of command.flags ?? []) checkFlag(`commands ${command.path.join(' ')}`, flag, false);
  }
  for (const [path, flags] of Object.entries(overrides.flags)) flags.forEach((flag) => checkFlag(`flags ${path}`, flag, true));
  for (const [path, positionals] of Object.entries(overrides.positionals)) {
    for (const positional of positionals) {
      if (typeof positional.field !== 'string' || typeof positional.source !== 'string') problems.push(`positionals ${path}: needs field and source`);
    }
  }
  for (const [path, result] of Object.entries(overrides.results)) {
    if ((result?.kind !== 'unknown' && result?.kind !== 'none') || typeof result.source !== 'string') problems.push(`results ${path}: needs kind (unknown or none) and source`);
  }
  for (const conflict of overrides.seedConflicts) {
    if (!/^seeds\/[^:]+:\d+$/.test(conflict.source ?? '') || !Array.isArray(conflict.rules) || typeof conflict.decision !== 'string') {
      problems.push(`seedConflicts: each entry needs source (seeds/<file>:<line>), rules and decision`);
    }
  }
  if (problems.length > 0) throw new Error(`${file}:\n  ${problems.join('\n  ')}`);
  return overrides;
}

/** Applies `overrides` to the API commands; throws when an entry names a command or field that does not exist. */
export function applyOverrides(apiCommands: CommandSpec[], overrides: Overrides): { commands: CommandSpec[]; globalFlags: FlagSpec[] } {
  const commands = new Map(apiCommands.map((command) => [command.path.join(' '), structuredClone(command)]));
  const problems: string[] = [];
  for (const [path, positionals] of Object.entries(overrides.positionals)) {
    const command = commands.get(path);
    if (!command) {
      problems.push(`positionals: no command \`${path}\``);
      continue;
    }
    for (const entry of positionals) {
      const flag = command.flags.find((candidate) => candidate.field === entry.field);
      if (!flag) {
        problems.push(`positionals: \`${path}\` has no field \`${entry.field}\``);
        continue;
      }
      command.flags = command.flags.filter((candidate) => candidate !== flag);
      const type = flag.type === 'number' ? 'number' : 'string';
      command.positionals.push({ name: entry.name, type, required: flag.required, field: entry.field, source: entry.source });
    }
  }
  for (const [path, flags] of Object.entries(overrides.flags)) {
    const command = commands.get(path);
    if (!command) {
      problems.push(`flags: no command \`${path}\``);
      continue;
    }
    for (const entry of flags) {
      const index = command.flags.findIndex((flag) => flag.name === entry.name);
      if (entry.remove) {
        if (index < 0) problems.push(`flags: \`${path}\` has no flag \`--${entry.name}\` to remove`);
        else command.flags.splice(index, 1);
        continue;
      }
      const flag = toFlag(entry);
      if (index >= 0) flag.field = command.flags[index].field;
      if (index >= 0) command.flags[index] = flag;
      else command.flags.push(flag);
    }
    command.flags.sort((a, b) => compare(a.name, b.name));
  }
  for (const [path, result] of Object.entries(overrides.results)) {
    const command = commands.get(path);
    if (!command?.api) problems.push(`results: no API command \`${path}\``);
    else command.result = result.kind === 'unknown' ? { kind: 'unknown', source: result.source } : { kind: 'none' };
  }
  for (const entry of overrides.commands) {
    const path = entry.path.join(' ');
    if (commands.has(path)) problems.push(`commands: \`${path}\` already comes from the API`);
    const command: CommandSpec = {
      path: entry.path,
      positionals: entry.positionals ?? [],
      flags: (entry.flags ?? []).map((flag) => toFlag({ ...flag, source: entry.source })).sort((a, b) => compare(a.name, b.name)),
      source: entry.source,
    };
    if (entry.openFlags) command.openFlags = true;
    commands.set(path, command);
  }
  if (problems.length > 0) throw new Error(`cli-overrides: ${problems.join('; ')}`);
  return {
    commands: [...commands.values()].sort((a, b) => compare(a.path.join(' '), b.path.join(' '))),
    globalFlags: overrides.globalFlags.map(toFlag),
  };
}

function toFlag(entry: Partial<FlagOverride>): FlagSpec {
  const flag: FlagSpec = { name: entry.name!, type: entry.type!, required: entry.required ?? false };
  if (entry.values) flag.values = entry.values;
  if (entry.items) flag.items = entry.items;
  if (entry.schema) flag.schema = entry.schema;
  if (entry.description) flag.description = entry.description;
  if (entry.source) flag.source = entry.source;
  return flag;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
