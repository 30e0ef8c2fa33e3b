// Reads the command tree from the declaration files of the pinned `@cargo-ai/api` with the TypeScript
// checker: `Api.<domain>.<resource>.<method>(params)` becomes `cargo-ai <domain> <resource> <action>`.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { SchemaBuilder, acceptsUndefined, annotationName, isDateLike, propertyType, stripUndefined } from './json-schema.ts';
import { readApiSource } from './api-source.ts';
import type { CommandSpec, FlagSpec, JsonSchema, ListItems, PositionalSpec, ResultSpec } from '../schema/model.ts';

export const API_PACKAGES = ['@cargo-ai/api', '@cargo-ai/types', '@cargo-ai/utils'] as const;
const API_ENTRY = 'node_modules/@cargo-ai/api/build/src/api/index.d.ts';

export interface ApiRead {
  commands: CommandSpec[];
  definitions: Record<string, JsonSchema>;
  versions: Record<string, string>;
}

/** `getDdl` → `get-ddl`, `mcpServer` → `mcp-server`, `s3Filename` → `s3-filename`. */
export function kebab(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1-$2')
    .toLowerCase();
}

export function actionName(method: string): string {
  return method === 'all' ? 'list' : kebab(method);
}

export function packageVersions(repoRoot: string): Record<string, string> {
  return Object.fromEntries(
    API_PACKAGES.map((name) => [name, JSON.parse(readFileSync(path.join(repoRoot, 'node_modules', name, 'package.json'), 'utf8')).version as string]),
  );
}

export function readApi(repoRoot: string): ApiRead {
  const entry = path.join(repoRoot, API_ENTRY);
  const program = ts.createProgram([entry], {
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    types: [],
  });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(entry);
  const moduleSymbol = source && checker.getSymbolAtLocation(source);
  const apiSymbol = moduleSymbol && checker.getExportsOfModule(moduleSymbol).find((symbol) => symbol.name === 'Api');
  if (!apiSymbol) throw new Error(`no \`Api\` interface exported by ${API_ENTRY}`);
  const reader = new Reader(checker, readApiSource(repoRoot));
  const apiType = checker.getDeclaredTypeOfSymbol(apiSymbol);
  for (const domain of checker.getPropertiesOfType(apiType)) {
    const domainType = checker.getTypeOfSymbol(domain);
    // `getInitialisation()` is a method of the client itself, not a domain.
    if (domainType.getCallSignatures().length > 0) continue;
    for (const resource of checker.getPropertiesOfType(domainType)) {
      for (const method of checker.getPropertiesOfType(checker.getTypeOfSymbol(resource))) {
        const signature = checker.getTypeOfSymbol(method).getCallSignatures()[0];
        if (signature) reader.command(domain.name, resource.name, method, signature);
      }
    }
  }
  return reader.finish(packageVersions(repoRoot));
}

class Reader {
  private readonly builder: SchemaBuilder;
  private readonly commands: CommandSpec[] = [];
  /** Each command's awaited result type, converted once every flag is (flag definitions keep their names). */
  private readonly results = new Map<CommandSpec, ts.Type>();

  constructor(
    private readonly checker: ts.TypeChecker,
    private readonly sources: ReturnType<typeof readApiSource>,
  ) {
    this.builder = new SchemaBuilder(checker);
  }

  command(domain: string, resource: string, method: ts.Symbol, signature: ts.Signature): void {
    const command: CommandSpec = {
      path: [domain, kebab(resource), actionName(method.name)],
      api: `${domain}.${resource}.${method.name}`,
      positionals: [],
      flags: [],
    };
    const description = this.describe(method);
    if (description) command.description = description;
    const context = `${domain}.${resource}.${method.name}`;
    for (const parameter of signature.getParameters()) {
      const declared = this.checker.getTypeOfSymbol(parameter);
      const declaration = parameter.valueDeclaration as ts.ParameterDeclaration | undefined;
      const optional = !!declaration?.questionToken || !!declaration?.initializer || acceptsUndefined(declared);
      const type = stripUndefined(this.checker, declared);
      const scalar = scalarKind(type);
      if (scalar === 'string' || scalar === 'number') {
        command.positionals.push({ name: kebab(parameter.name), type: scalar, required: !optional, field: parameter.name } satisfies PositionalSpec);
      } else {
        command.flags.push(...this.payloadFlags(type, optional, context));
      }
    }
    command.flags.sort((a, b) => compare(a.name, b.name));
    const implementation = this.sources.get(context);
    if (!implementation) throw new Error(`${context}: no implementation found in the client's JavaScript`);
    command.errorReasons = implementation.errorReasons;
    this.results.set(command, this.checker.getAwaitedType(signature.getReturnType()) ?? signature.getReturnType());
    this.commands.push(command);
  }

  /** What `command` prints, from its method's awaited result type and how the method treats nulls. */
  private result(command: CommandSpec, type: ts.Type): ResultSpec {
    if (type.flags & (ts.TypeFlags.Void | ts.TypeFlags.Undefined)) return { kind: 'none' };
    if (type.getSymbol()?.name === 'Blob') return { kind: 'unknown', source: `api: \`${command.api}\` returns a Blob (bytes); how the CLI prints them is not in the types` };
    const implementation = this.sources.get(command.api!)!;
    const result: Extract<ResultSpec, { kind: 'body' }> = { kind: 'body', schema: this.builder.convert(type, `${command.api}.result`), keepsNulls: implementation.keepsNulls };
    if (implementation.nullsKeptAt) result.nullsKeptAt = implementation.nullsKeptAt;
    return result;
  }

  /** One flag per payload field; a union payload offers every member's fields, required when all require it. */
  private payloadFlags(payload: ts.Type, optionalPayload: boolean, context: string): FlagSpec[] {
    const members = payload.isUnion() ? payload.types.filter((member) => member.flags & (ts.TypeFlags.Object | ts.TypeFlags.Intersection)) : [payload];
    const byField = new Map<string, { flag: FlagSpec; count: number }>();
    for (const member of members) {
      for (const property of this.checker.getPropertiesOfType(member)) {
        const { type, optional } = propertyType(this.checker, property);
        // Callbacks (`onProgress`) are for programmatic callers; the CLI has no way to pass them. A field typed
        // `never` is forbidden in this member (`EitherOr<A, B>`).
        if (type.getCallSignatures().length > 0 || type.flags & ts.TypeFlags.Never) continue;
        const flag = this.flag(property, type, !optional && !optionalPayload, `${context}.${property.name}`);
        const seen = byField.get(property.name);
        if (seen) {
          seen.flag = mergeFlags(seen.flag, flag);
          seen.count++;
        } else byField.set(property.name, { flag, count: 1 });
      }
    }
    return [...byField.values()].map(({ flag, count }) => (count < members.length ? { ...flag, required: false } : flag));
  }

  private flag(property: ts.Symbol, type: ts.Type, required: boolean, context: string): FlagSpec {
    const shape = this.flagShape(type, context, annotationName(this.checker, property));
    // A switch can only be given or left out; the CLI sends `false` when it is absent.
    const flag: FlagSpec = { name: kebab(property.name), ...shape, required: shape.type === 'switch' ? false : required, field: property.name };
    const description = this.describe(property);
    if (description) flag.description = description;
    return flag;
  }

  private flagShape(type: ts.Type, context: string, hint: string | undefined): Pick<FlagSpec, 'type' | 'values' | 'items' | 'schema'> {
    const scalar = scalarKind(type);
    if (scalar === 'boolean') return { type: 'switch' };
    if (scalar === 'string' || scalar === 'number') return { type: scalar };
    if (scalar === 'enum') return { type: 'enum', values: literalValues(type) };
    // `string[] | null`: on the command line the list form is the one that matters.
    const nonNull = type.isUnion() ? type.types.filter((member) => !(member.flags & (ts.TypeFlags.Null | ts.TypeFlags.Undefined))) : [type];
    if (nonNull.length === 1 && this.checker.isArrayType(nonNull[0])) {
      const element = stripUndefined(this.checker, this.checker.getTypeArguments(nonNull[0] as ts.TypeReference)[0]);
      const kind = scalarKind(element);
      if (kind === 'string' || kind === 'number') return { type: 'list', items: { type: kind } };
      if (kind === 'enum') return { type: 'list', items: { type: 'enum', values: literalValues(element) } };
    }
    return { type: 'json', schema: this.builder.convert(type, context, hint) };
  }

  private describe(symbol: ts.Symbol): string | undefined {
    const text = ts.displayPartsToString(symbol.getDocumentationComment(this.checker)).replace(/\s+/g, ' ').trim();
    return text || undefined;
  }

  finish(versions: Record<string, string>): ApiRead {
    for (const [command, type] of this.results) command.result = this.result(command, type);
    const { definitions, resolve } = this.builder.finish();
    for (const command of this.commands) {
      for (const flag of command.flags) if (flag.schema) flag.schema = resolve(flag.schema);
      if (command.result?.kind === 'body') command.result.schema = resolve(command.result.schema);
    }
    this.commands.sort((a, b) => compare(a.path.join(' '), b.path.join(' ')));
    return { commands: this.commands, definitions, versions };
  }
}

type ScalarKind = 'boolean' | 'string' | 'number' | 'enum' | undefined;

/** What a CLI word can carry for this type: a switch, a plain value, one of a set, or nothing (JSON). */
function scalarKind(type: ts.Type): ScalarKind {
  const parts = (type.isUnion() ? type.types : [type]).filter((part) => !(part.flags & (ts.TypeFlags.Null | ts.TypeFlags.Undefined)));
  if (parts.length === 0) return undefined;
  const all = (mask: ts.TypeFlags) => parts.every((part) => part.flags & mask);
  if (all(ts.TypeFlags.BooleanLike)) return 'boolean';
  if (all(ts.TypeFlags.StringLiteral)) return 'enum';
  if (all(ts.TypeFlags.NumberLike)) return 'number';
  const stringish = ts.TypeFlags.StringLike | ts.TypeFlags.NumberLike;
  if (all(stringish) || parts.every((part) => part.flags & stringish || isDateLike(part))) return 'string';
  return undefined;
}

function literalValues(type: ts.Type): string[] {
  const parts = type.isUnion() ? type.types : [type];
  return parts
    .filter((part) => part.flags & ts.TypeFlags.StringLiteral)
    .map((part) => (part as ts.StringLiteralType).value)
    .sort(compare);
}

/** Combines the same field seen in several members of a union payload. */
function mergeFlags(a: FlagSpec, b: FlagSpec): FlagSpec {
  const required = a.required && b.required;
  if (a.type === 'enum' && b.type === 'enum') return { ...a, required, values: [...new Set([...a.values!, ...b.values!])].sort(compare) };
  if (a.type === b.type && a.type !== 'json' && a.type !== 'list') return { ...a, required };
  if (a.type === 'list' && b.type === 'list' && JSON.stringify(a.items) === JSON.stringify(b.items)) return { ...a, required };
  const schemaOf = (flag: FlagSpec): JsonSchema => flag.schema ?? flagValueSchema(flag);
  const left = schemaOf(a);
  const right = schemaOf(b);
  const schema = JSON.stringify(left) === JSON.stringify(right) ? left : { anyOf: [left, right] };
  return { name: a.name, type: 'json', required, field: a.field, schema, ...(a.description ? { description: a.description } : {}) };
}

function flagValueSchema(flag: FlagSpec): JsonSchema {
  const item = (items: ListItems): JsonSchema => (items.type === 'enum' ? { type: 'string', enum: items.values } : { type: items.type });
  switch (flag.type) {
    case 'switch':
      return { type: 'boolean' };
    case 'enum':
      return { type: 'string', enum: flag.values };
    case 'list':
      return { type: 'array', items: item(flag.items!) };
    default:
      return { type: flag.type === 'number' ? 'number' : 'string' };
  }
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
