// What commands print, at run time: each API command's result (the JSON Schema of its answer and how it treats
// nulls) and the error reasons it can raise, with helpers to resolve `$ref`s and walk an answer's schema by a
// property path. Rules go through this module; only it and the generator know where results are stored.
import { type LoadedSchema, loadCliSchema } from './index.ts';
import type { CommandSpec, JsonSchema, ResultSpec } from './model.ts';

export type { ResultSpec } from './model.ts';
export type BodyResult = Extract<ResultSpec, { kind: 'body' }>;

/** What `command` prints; undefined for CLI-only commands (`login`, `whoami`...). */
export function resultOf(command: CommandSpec): ResultSpec | undefined {
  return command.result;
}

/** The error reasons `command`'s API method can raise; undefined for CLI-only commands. */
export function errorReasonsOf(command: CommandSpec): readonly string[] | undefined {
  return command.errorReasons;
}

/** One step of a path into an answer: a key, or an array element (`number`, or `'[]'` for any element). */
export type PathStep = string | number;
export const ANY_ELEMENT = '[]';

/**
 * Whether a `null` at `path` survives in what `result` prints. The fetcher deletes null-valued keys unless
 * the method keeps them, and then sometimes only under some fields (`nullsKeptAt`).
 */
export function keepsNullAt(result: BodyResult, path: readonly PathStep[]): boolean {
  if (!result.keepsNulls) return false;
  if (!result.nullsKeptAt) return true;
  const written = pathText(path);
  return result.nullsKeptAt.some((kept) => written === kept || written.startsWith(`${kept}.`) || written.startsWith(`${kept}[`));
}

/** `['releases', 0, 'testRecords']` → `releases[].testRecords` (the form of `nullsKeptAt`). */
export function pathText(path: readonly PathStep[]): string {
  let out = '';
  for (const step of path) {
    if (typeof step === 'number' || step === ANY_ELEMENT) out += '[]';
    else out += out ? `.${step}` : step;
  }
  return out;
}

/** Where `#/definitions/<name>` references resolve: a loaded CLI schema, or anything holding its definitions. */
export type SchemaDefinitions = Pick<LoadedSchema, 'definitions'>;

/** Follows `$ref`s (into the definitions file) until a schema with a body. */
export function resolveSchema(schema: JsonSchema, loaded: SchemaDefinitions = loadCliSchema()): JsonSchema {
  let current = schema;
  for (let hops = 0; typeof current.$ref === 'string' && hops < 64; hops++) {
    const ref = current.$ref;
    const target = loaded.definitions[ref.slice(ref.indexOf('#/definitions/') + '#/definitions/'.length)];
    if (!target) break;
    current = target;
  }
  return current;
}

/**
 * What `alternatives` and `isFreeForm` found for each schema object, per loaded schema: an answer's checks ask
 * them of the same few schemas at every value. The arrays handed out are shared, and must not be changed.
 */
const readSchemas = new WeakMap<SchemaDefinitions, { branches: WeakMap<JsonSchema, JsonSchema[]>; freeForm: WeakMap<JsonSchema, boolean> }>();

function readOf(loaded: SchemaDefinitions): { branches: WeakMap<JsonSchema, JsonSchema[]>; freeForm: WeakMap<JsonSchema, boolean> } {
  let read = readSchemas.get(loaded);
  if (!read) {
    read = { branches: new WeakMap(), freeForm: new WeakMap() };
    readSchemas.set(loaded, read);
  }
  return read;
}

/** The branches a value of `schema` may take: `anyOf` / `oneOf` flattened, `$ref`s resolved. */
export function alternatives(schema: JsonSchema, loaded: SchemaDefinitions = loadCliSchema()): readonly JsonSchema[] {
  const { branches: known } = readOf(loaded);
  let found = known.get(schema);
  if (!found) {
    const resolved = resolveSchema(schema, loaded);
    const branches = (resolved.anyOf ?? resolved.oneOf) as JsonSchema[] | undefined;
    // A tagged union's own keywords (`type`, `required: [tag]`) hold for every branch; the branches say the rest.
    found = branches ? branches.flatMap((branch) => alternatives(branch, loaded)) : [resolved];
    known.set(schema, found);
  }
  return found;
}

/** A schema that leaves its values unchecked: any value, or an object of any keys (`runContext`, records). */
export function isFreeForm(schema: JsonSchema, loaded: SchemaDefinitions = loadCliSchema()): boolean {
  const { freeForm } = readOf(loaded);
  let free = freeForm.get(schema);
  if (free === undefined) {
    free = readFreeForm(schema, loaded);
    freeForm.set(schema, free);
  }
  return free;
}

function readFreeForm(schema: JsonSchema, loaded: SchemaDefinitions): boolean {
  const resolved = resolveSchema(schema, loaded);
  const keys = Object.keys(resolved);
  if (keys.length === 0) return true;
  if (resolved.anyOf || resolved.oneOf || resolved.enum || resolved.const !== undefined) return false;
  const additional = resolved.additionalProperties;
  const open = additional === undefined || additional === true || (typeof additional === 'object' && additional !== null && isFreeForm(additional as JsonSchema, loaded));
  return resolved.type === 'object' && !resolved.properties && open;
}

/** The keys objects of `schema` may have, over all its branches. */
export function propertyNames(schema: JsonSchema, loaded: SchemaDefinitions = loadCliSchema()): string[] {
  return [...new Set(alternatives(schema, loaded).flatMap((branch) => Object.keys((branch.properties as object) ?? {})))];
}

export type Walk =
  /** The schemas the value at the path may have (one per branch that has it). */
  | { kind: 'found'; schemas: JsonSchema[] }
  /** The path enters a free-form value at step `at`: what lies below is not known. */
  | { kind: 'free'; at: number }
  /** Step `at` names a key no branch has (`keys`: those it could have named), or indexes a non-array. */
  | { kind: 'missing'; at: number; keys: string[] };

/** Walks `schema` along `path`, through `$ref`s, unions, object properties, index signatures and array items. */
export function walkSchema(schema: JsonSchema, path: readonly PathStep[], loaded: LoadedSchema = loadCliSchema()): Walk {
  let current = [schema];
  for (let at = 0; at < path.length; at++) {
    const step = path[at];
    if (current.some((candidate) => isFreeForm(candidate, loaded))) return { kind: 'free', at };
    const next: JsonSchema[] = [];
    const keys = new Set<string>();
    for (const branch of current.flatMap((candidate) => alternatives(candidate, loaded))) {
      if (typeof step === 'number' || step === ANY_ELEMENT) {
        if (branch.type === 'array' && branch.items && !Array.isArray(branch.items)) next.push(branch.items as JsonSchema);
        else if (branch.type === 'array' && Array.isArray(branch.items)) next.push(...(typeof step === 'number' ? [branch.items[step] as JsonSchema].filter(Boolean) : (branch.items as JsonSchema[])));
        else if (branch.type === 'array') next.push({});
        continue;
      }
      const properties = (branch.properties as Record<string, JsonSchema> | undefined) ?? {};
      for (const key of Object.keys(properties)) keys.add(key);
      if (properties[step]) next.push(properties[step]);
      else if (branch.type === 'object' && typeof branch.additionalProperties === 'object' && branch.additionalProperties !== null) next.push(branch.additionalProperties as JsonSchema);
      else if (branch.type === 'object' && branch.additionalProperties === undefined) next.push({});
    }
    if (next.length === 0) return { kind: 'missing', at, keys: [...keys] };
    current = next;
  }
  return { kind: 'found', schemas: current };
}

/** A key the least answer leaves out (optional, or a null the fetcher deleted). */
const ABSENT = Symbol('absent');
const MAX_VARIANTS = 48;
const MAX_DEPTH = 14;

/**
 * The least values an answer may hold at `path` of `result`: only the keys the type guarantees, one element per
 * array, and `null` where the type allows it (a deleted key where the command strips nulls). One value per
 * branch of each union met on the way (others at their first branch), at most MAX_VARIANTS; `absent` when the
 * path itself may be missing.
 */
export function leastValues(result: BodyResult, path: readonly PathStep[], loaded: LoadedSchema = loadCliSchema()): { values: unknown[]; absent: boolean } {
  const walk = walkSchema(result.schema, path, loaded);
  if (walk.kind !== 'found') return { values: [], absent: false };
  const seen = new Map<string, unknown>();
  let absent = mayBeAbsent(result, path, loaded);
  for (const schema of walk.schemas) {
    const unions = new Map<string, number>();
    const run = (choices: Map<string, number>) => {
      const value = least(schema, [...path], result, loaded, choices, unions, 0);
      if (value === ABSENT) absent = true;
      else seen.set(JSON.stringify(value), value);
    };
    run(new Map());
    for (const [id, count] of [...unions]) {
      for (let branch = 1; branch < count && seen.size < MAX_VARIANTS; branch++) run(new Map([[id, branch]]));
    }
  }
  return { values: [...seen.values()], absent };
}

/**
 * Whether the answer may lack the value at `path`: a key on the way is optional, or may be null where the
 * command deletes nulls. An array index is taken to exist (the path reads an element the page knows is there).
 */
export function mayBeAbsent(result: BodyResult, path: readonly PathStep[], loaded: LoadedSchema = loadCliSchema()): boolean {
  let current = [result.schema];
  for (let at = 0; at < path.length; at++) {
    const step = path[at];
    const next: JsonSchema[] = [];
    for (const branch of current.flatMap((candidate) => alternatives(candidate, loaded))) {
      if (typeof step === 'number' || step === ANY_ELEMENT) {
        if (branch.type === 'array' && branch.items && !Array.isArray(branch.items)) next.push(branch.items as JsonSchema);
        continue;
      }
      const property = (branch.properties as Record<string, JsonSchema> | undefined)?.[step];
      if (!property) continue;
      if (!((branch.required as string[] | undefined) ?? []).includes(step)) return true;
      const nullable = alternatives(property, loaded).some((option) => option.type === 'null');
      if (nullable && !keepsNullAt(result, path.slice(0, at + 1))) return true;
      next.push(property);
    }
    if (next.length === 0) return false;
    current = next;
  }
  return false;
}

function least(
  schema: JsonSchema,
  path: PathStep[],
  result: BodyResult,
  loaded: LoadedSchema,
  choices: Map<string, number>,
  unions: Map<string, number>,
  depth: number,
): unknown {
  const resolved = resolveSchema(schema, loaded);
  const nullValue = () => (keepsNullAt(result, path) ? null : ABSENT);
  if (depth > MAX_DEPTH) return '...';
  if (resolved.const !== undefined) return resolved.const;
  if (Array.isArray(resolved.enum)) return resolved.enum[0];
  const branches = (resolved.anyOf ?? resolved.oneOf) as JsonSchema[] | undefined;
  if (branches) {
    const id = `${pathText(path)}#${JSON.stringify(schema).slice(0, 200)}`;
    if (!unions.has(id)) unions.set(id, branches.length);
    const pick = choices.get(id) ?? 0;
    return least(branches[Math.min(pick, branches.length - 1)], path, result, loaded, choices, unions, depth + 1);
  }
  switch (resolved.type) {
    case 'null':
      return nullValue();
    case 'string':
      return 'text';
    case 'number':
    case 'integer':
      return 0;
    case 'boolean':
      return false;
    case 'array': {
      if (Array.isArray(resolved.items)) return resolved.items.map((item, index) => orNull(least(item as JsonSchema, [...path, index], result, loaded, choices, unions, depth + 1)));
      if (!resolved.items) return [];
      return [orNull(least(resolved.items as JsonSchema, [...path, 0], result, loaded, choices, unions, depth + 1))];
    }
    case 'object': {
      const out: Record<string, unknown> = {};
      const properties = (resolved.properties as Record<string, JsonSchema> | undefined) ?? {};
      for (const key of (resolved.required as string[] | undefined) ?? []) {
        const value = properties[key] ? least(properties[key], [...path, key], result, loaded, choices, unions, depth + 1) : '...';
        if (value !== ABSENT) out[key] = value;
      }
      return out;
    }
    default:
      // Any value at all: a placeholder, which every flag schema accepts.
      return '...';
  }
}

/** An array keeps its elements: a deleted null element prints as `null`. */
function orNull(value: unknown): unknown {
  return value === ABSENT ? null : value;
}
