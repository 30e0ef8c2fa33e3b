// The final statuses of the objects agents poll (schemas/final-statuses.json), and which object's `status` a
// command's answer carries where. Only this module knows the table's shape.
import { readFileSync } from 'node:fs';
import { schemaPath } from '../core/paths.ts';
import { loadCliSchema } from './index.ts';
import type { JsonSchema } from './model.ts';

export interface StatusObject {
  /** The definition that holds the `status` property (`Orchestration.Batch`). */
  definition: string;
  nouns: string[];
  final: string[];
  notFinal: string[];
}

export interface FinalStatusTable {
  polled: Record<string, { nouns: string[]; final: Record<string, string>; notFinal: Record<string, string> }>;
  notPolled: Record<string, string>;
}

let table: FinalStatusTable | undefined;
let objects: StatusObject[] | undefined;

export function loadFinalStatusTable(): FinalStatusTable {
  table ??= JSON.parse(readFileSync(schemaPath('final-statuses.json'), 'utf8')) as FinalStatusTable;
  return table;
}

/** Every polled object, in the table's order. */
export function statusObjects(): StatusObject[] {
  objects ??= Object.entries(loadFinalStatusTable().polled).map(([definition, entry]) => ({
    definition,
    nouns: entry.nouns,
    final: Object.keys(entry.final),
    notFinal: Object.keys(entry.notFinal),
  }));
  return objects;
}

export function statusObject(definition: string): StatusObject | undefined {
  return statusObjects().find((object) => object.definition === definition);
}

/** The `status` enum a definition holds (itself or in its `anyOf` / `oneOf` branches), if any. */
export function statusEnumOf(schema: JsonSchema): string[] | undefined {
  const status = (schema.properties as Record<string, JsonSchema> | undefined)?.status;
  if (status && Array.isArray(status.enum)) return status.enum as string[];
  for (const branch of ((schema.anyOf ?? schema.oneOf) as JsonSchema[] | undefined) ?? []) {
    const found = statusEnumOf(branch);
    if (found) return found;
  }
  return undefined;
}

/**
 * The polled objects whose `status` sits at `steps` of an answer of `schema` (`['batch', 'status']`), following
 * `$ref`s and union branches; the definition last entered before `status` is the object.
 */
export function statusOwnersAt(schema: JsonSchema, steps: readonly string[]): StatusObject[] {
  const { definitions } = loadCliSchema();
  const found = new Set<string>();
  const walk = (current: JsonSchema, index: number, owner: string | undefined, depth: number): void => {
    if (depth > 40) return;
    if (typeof current.$ref === 'string') {
      const name = current.$ref.replace(/^.*#\/definitions\//, '');
      if (definitions[name]) walk(definitions[name], index, name, depth + 1);
      return;
    }
    for (const branch of ((current.anyOf ?? current.oneOf) as JsonSchema[] | undefined) ?? []) walk(branch, index, owner, depth + 1);
    if (index === steps.length) return;
    const step = steps[index];
    if (step === '[]') {
      if (current.items && typeof current.items === 'object' && !Array.isArray(current.items)) walk(current.items as JsonSchema, index + 1, owner, depth + 1);
      return;
    }
    const property = (current.properties as Record<string, JsonSchema> | undefined)?.[step];
    if (!property) return;
    if (index === steps.length - 1 && step === 'status') {
      if (owner) found.add(owner);
      return;
    }
    walk(property, index + 1, owner, depth + 1);
  };
  walk(schema, 0, undefined, 0);
  return [...found].map(statusObject).filter((object): object is StatusObject => object !== undefined);
}

/** The polled objects a command's answer carries a `status` of, one or two keys deep (`.batch.status`). */
const ownersBySchema = new WeakMap<JsonSchema, StatusObject[]>();

export function statusOwnersIn(schema: JsonSchema): StatusObject[] {
  const known = ownersBySchema.get(schema);
  if (known) return known;
  const found = findStatusOwners(schema);
  ownersBySchema.set(schema, found);
  return found;
}

function findStatusOwners(schema: JsonSchema): StatusObject[] {
  const { definitions } = loadCliSchema();
  const owners = new Map<string, StatusObject>();
  const resolve = (current: JsonSchema): JsonSchema[] => {
    let node = current;
    for (let hops = 0; typeof node.$ref === 'string' && hops < 32; hops++) node = definitions[node.$ref.replace(/^.*#\/definitions\//, '')] ?? {};
    const branches = (node.anyOf ?? node.oneOf) as JsonSchema[] | undefined;
    return branches ? branches.flatMap(resolve) : [node];
  };
  for (const root of resolve(schema)) {
    for (const key of Object.keys((root.properties as object | undefined) ?? {})) {
      for (const object of statusOwnersAt(schema, [key, 'status'])) owners.set(object.definition, object);
    }
    for (const object of statusOwnersAt(schema, ['status'])) owners.set(object.definition, object);
  }
  return [...owners.values()];
}
