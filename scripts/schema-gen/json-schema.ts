// Converts TypeScript types, as the checker resolves them, into draft-07 JSON Schema. Named object types
// (and anonymous ones reached more than once or recursively) become shared definitions; the rest is inlined.
import ts from 'typescript';
import type { JsonSchema } from '../schema/model.ts';

/** Aliases that only transform another type: the result is named after their first type argument. */
const TRANSPARENT_ALIASES = new Set(['DateToString', 'ApiType', 'RecursiveNonNull', 'RecursiveSchemaToJsonSchema', 'NonNull']);
/** Aliases that build a new shape from another: their results stay anonymous. */
const SHAPING_ALIASES = new Set(['Omit', 'Pick', 'Partial', 'Required', 'Readonly', 'Record', 'GlobalRecord', 'Exclude', 'Extract', 'NonNullable', 'EitherOr']);
const PREFERRED_TAGS = ['kind', 'type'];
/** Definitions whose JSON is at most this long are inlined wherever they are used. */
const SMALL_SCHEMA = 80;

interface Definition {
  name: string;
  schema: JsonSchema;
  /** Named after a declaration (kept as a definition even when used once). */
  declared: boolean;
  uses: number;
}

export class SchemaBuilder {
  private readonly byType = new Map<ts.Type, Definition>();
  private readonly names = new Set<string>();

  constructor(private readonly checker: ts.TypeChecker) {}

  /**
   * Schema of `type`. A definition is named after the type's declaration, else after `hint` (the name written
   * in the annotation that led here: aliases disappear when `DateToString<>` maps a type), else after
   * `context` (`orchestration.batch.create.data`).
   */
  convert(type: ts.Type, context: string, hint?: string): JsonSchema {
    if (!isStructured(this.checker, type)) return this.build(type, context, hint);
    const known = this.byType.get(type);
    if (known) {
      known.uses++;
      return { $ref: `#/definitions/${known.name}` };
    }
    const declaredName = this.declaredName(type) ?? hint;
    const definition: Definition = { name: this.unique(declaredName ?? context), schema: {}, declared: declaredName !== undefined, uses: 1 };
    this.byType.set(type, definition);
    definition.schema = this.build(type, definition.name);
    return { $ref: `#/definitions/${definition.name}` };
  }

  /**
   * Finishes the definitions: anonymous ones used once are inlined, identical ones merged. `resolve` maps a
   * schema handed out by `convert` to one that points at the final definitions.
   */
  finish(): { definitions: Record<string, JsonSchema>; resolve: (schema: JsonSchema) => JsonSchema } {
    let definitions = new Map<string, JsonSchema>();
    const inline = new Map<string, JsonSchema>();
    for (const definition of this.byType.values()) {
      const text = JSON.stringify(definition.schema);
      const selfReferencing = text.includes(`"#/definitions/${definition.name}"`);
      // Tiny shapes (`{ [key: string]: unknown }`) read better inline than under the name of whichever type used them first.
      const inlined = (!definition.declared && definition.uses === 1) || text.length <= SMALL_SCHEMA;
      if (inlined && !selfReferencing) inline.set(definition.name, definition.schema);
      else definitions.set(definition.name, definition.schema);
    }
    const expand = (schema: JsonSchema): JsonSchema =>
      mapRefs(schema, (name) => {
        const body = inline.get(name);
        return body ? expand(body) : undefined;
      });
    definitions = new Map([...definitions].map(([name, schema]) => [name, expand(schema)]));
    // Merge structurally identical definitions (the same type reached through different aliases).
    const renamed = new Map<string, string>();
    for (;;) {
      const canonical = new Map<string, string>();
      const rename = new Map<string, string>();
      for (const name of [...definitions.keys()].sort(compareNames)) {
        const key = JSON.stringify(definitions.get(name));
        const first = canonical.get(key);
        if (first) rename.set(name, first);
        else canonical.set(key, name);
      }
      if (rename.size === 0) break;
      for (const [from, to] of rename) {
        definitions.delete(from);
        renamed.set(from, to);
      }
      for (const [from, to] of renamed) if (rename.has(to)) renamed.set(from, rename.get(to)!);
      const redirect = (schema: JsonSchema) => mapRefs(schema, (name) => (rename.has(name) ? { $ref: `#/definitions/${rename.get(name)}` } : undefined));
      definitions = new Map([...definitions].map(([name, schema]) => [name, redirect(schema)]));
    }
    const sorted = Object.fromEntries([...definitions.keys()].sort(compareNames).map((name) => [name, definitions.get(name)!]));
    const resolve = (schema: JsonSchema) =>
      mapRefs(expand(schema), (name) => (renamed.has(name) ? { $ref: `#/definitions/${renamed.get(name)}` } : undefined));
    return { definitions: sorted, resolve };
  }

  private unique(base: string): string {
    let name = base;
    for (let n = 2; this.names.has(name); n++) name = `${base}_${n}`;
    this.names.add(name);
    return name;
  }

  private declaredName(type: ts.Type): string | undefined {
    const alias = type.aliasSymbol;
    if (alias) {
      if (TRANSPARENT_ALIASES.has(alias.name)) {
        const argument = type.aliasTypeArguments?.[0];
        return argument ? this.declaredName(argument) : undefined;
      }
      if (SHAPING_ALIASES.has(alias.name) || type.aliasTypeArguments?.length) return undefined;
      return qualifiedName(this.checker, alias);
    }
    const symbol = type.getSymbol();
    if (symbol && symbol.flags & (ts.SymbolFlags.Interface | ts.SymbolFlags.Class) && !(type as ts.TypeReference).typeArguments?.length) {
      return qualifiedName(this.checker, symbol);
    }
    return undefined;
  }

  /** `hint` names the elements of an array type. */
  private build(type: ts.Type, context: string, hint?: string): JsonSchema {
    const checker = this.checker;
    const flags = type.flags;
    if (flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) return {};
    if (flags & ts.TypeFlags.Never) return { not: {} };
    if (flags & ts.TypeFlags.Null) return { type: 'null' };
    if (flags & ts.TypeFlags.StringLiteral) return { const: (type as ts.StringLiteralType).value };
    if (flags & ts.TypeFlags.NumberLiteral) return { const: (type as ts.NumberLiteralType).value };
    if (flags & ts.TypeFlags.BooleanLiteral) return { const: isTrue(checker, type) };
    if (flags & (ts.TypeFlags.String | ts.TypeFlags.TemplateLiteral | ts.TypeFlags.StringMapping)) return { type: 'string' };
    if (flags & ts.TypeFlags.Number) return { type: 'number' };
    if (flags & (ts.TypeFlags.BigInt | ts.TypeFlags.BigIntLiteral)) return { type: 'integer' };
    if (flags & ts.TypeFlags.Boolean) return { type: 'boolean' };
    if (flags & ts.TypeFlags.NonPrimitive) return { type: 'object' };
    if (type.isUnion()) return this.union(type, context, hint);
    if (type.isIntersection()) {
      const primitive = type.types.find((member) => !(member.flags & ts.TypeFlags.Object));
      if (primitive) return this.build(primitive, context);
      return this.object(type, context);
    }
    if (flags & ts.TypeFlags.Object) {
      if (isDateLike(type)) return { type: 'string' };
      if (checker.isArrayType(type)) {
        const element = checker.getTypeArguments(type as ts.TypeReference)[0];
        return { type: 'array', items: this.convert(element, `${context}.item`, hint) };
      }
      if (checker.isTupleType(type)) return this.tuple(type as ts.TypeReference, context);
      if (type.getCallSignatures().length > 0 && type.getProperties().length === 0) return {};
      return this.object(type, context);
    }
    return {};
  }

  private tuple(type: ts.TypeReference, context: string): JsonSchema {
    const elements = this.checker.getTypeArguments(type);
    const target = type.target as ts.TupleType;
    const items = elements.map((element, index) => this.convert(element, `${context}.${index}`));
    const minItems = target.elementFlags.filter((flag) => flag & ts.ElementFlags.Required).length;
    const rest = target.elementFlags.some((flag) => flag & ts.ElementFlags.Variable);
    return rest ? { type: 'array', minItems } : { type: 'array', items, minItems, maxItems: items.length, additionalItems: false };
  }

  private object(type: ts.Type, context: string): JsonSchema {
    const checker = this.checker;
    const properties: Record<string, JsonSchema> = {};
    const required: string[] = [];
    for (const property of [...checker.getPropertiesOfType(type)].sort((a, b) => compareNames(a.name, b.name))) {
      const { type: valueType, optional } = propertyType(checker, property);
      if (valueType.flags & ts.TypeFlags.Never) continue;
      if (valueType.getCallSignatures().length > 0 && !(valueType.flags & ts.TypeFlags.Union)) continue;
      properties[property.name] = this.convert(valueType, `${context}.${property.name}`, annotationName(checker, property));
      if (!optional) required.push(property.name);
    }
    const schema: JsonSchema = { type: 'object', properties };
    if (required.length > 0) schema.required = required;
    const index = checker.getIndexInfosOfType(type).find((info) => !(info.keyType.flags & ts.TypeFlags.ESSymbol));
    schema.additionalProperties = index ? this.convert(stripUndefined(checker, index.type), `${context}.value`) : false;
    if (Object.keys(properties).length === 0) delete schema.properties;
    return schema;
  }

  private union(type: ts.UnionType, context: string, hint?: string): JsonSchema {
    const checker = this.checker;
    const members = type.types.filter((member) => !(member.flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Void | ts.TypeFlags.Never)));
    if (members.length === 0) return {};
    if (members.some((member) => member.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown))) return {};
    const pieces: JsonSchema[] = [];
    const strings = members.filter((m) => m.flags & ts.TypeFlags.StringLiteral).map((m) => (m as ts.StringLiteralType).value);
    const numbers = members.filter((m) => m.flags & ts.TypeFlags.NumberLiteral).map((m) => (m as ts.NumberLiteralType).value);
    const booleans = members.filter((m) => m.flags & ts.TypeFlags.BooleanLiteral);
    if (strings.length > 0) pieces.push(strings.length === 1 ? { const: strings[0] } : { type: 'string', enum: [...strings].sort() });
    if (numbers.length > 0) pieces.push(numbers.length === 1 ? { const: numbers[0] } : { type: 'number', enum: [...numbers].sort((a, b) => a - b) });
    if (booleans.length === 2) pieces.push({ type: 'boolean' });
    else if (booleans.length === 1) pieces.push({ const: isTrue(checker, booleans[0]) });
    const rest = members.filter((m) => !(m.flags & (ts.TypeFlags.StringLiteral | ts.TypeFlags.NumberLiteral | ts.TypeFlags.BooleanLiteral)));
    const objects = rest.filter((m) => isPlainObject(checker, m));
    for (const member of rest.filter((m) => !objects.includes(m))) pieces.push(this.convert(member, `${context}.${pieces.length}`, hint));
    if (objects.length === 1) pieces.push(this.convert(objects[0], context, hint));
    else if (objects.length > 1) pieces.push(this.objectUnion(objects, context));
    return pieces.length === 1 ? pieces[0] : { anyOf: pieces };
  }

  /**
   * A union of object shapes. When a tag property tells the members apart (`kind`), ajv's `discriminator`
   * picks the one member to check, so errors name that member's problems only. A tag shared by several members
   * (`kind: "number"` with different `operator`s) splits them into groups told apart by a second tag.
   */
  private objectUnion(members: ts.Type[], context: string): JsonSchema {
    const checker = this.checker;
    const unique = discriminant(checker, members);
    if (unique) {
      const oneOf = members.map((member) => this.convert(member, `${context}.${tagValues(checker, member, unique).join('_')}`));
      return { type: 'object', required: [unique], discriminator: { propertyName: unique }, oneOf };
    }
    const grouping = groupingTag(checker, members);
    if (!grouping) return { anyOf: members.map((member, index) => this.convert(member, `${context}.${index}`)) };
    const { tag, groups } = grouping;
    const oneOf = groups.map(({ values, members: group }) => {
      const name = `${context}.${values.join('_')}`;
      if (group.length === 1) return this.convert(group[0], name);
      const inner = this.objectUnion(group, name);
      const tagSchema = values.length === 1 ? { const: values[0] } : { type: 'string', enum: values };
      const required = [tag, ...((inner.required as string[] | undefined) ?? [])];
      return { ...inner, type: 'object', properties: { [tag]: tagSchema }, required: [...new Set(required)] };
    });
    return { type: 'object', required: [tag], discriminator: { propertyName: tag }, oneOf };
  }
}

/** The type behind a property, without `undefined`, and whether the property may be left out. */
export function propertyType(checker: ts.TypeChecker, property: ts.Symbol): { type: ts.Type; optional: boolean } {
  const declared = checker.getTypeOfSymbol(property);
  const optional = (property.flags & ts.SymbolFlags.Optional) !== 0 || acceptsUndefined(declared);
  return { type: stripUndefined(checker, declared), optional };
}

export function acceptsUndefined(type: ts.Type): boolean {
  if (type.flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Void)) return true;
  return type.isUnion() && type.types.some((member) => member.flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Void));
}

export function stripUndefined(checker: ts.TypeChecker, type: ts.Type): ts.Type {
  if (!acceptsUndefined(type)) return type;
  // `getNonNullableType` would drop `null` as well; such unions are kept whole (conversion skips `undefined`).
  if (type.isUnion() && type.types.some((member) => member.flags & ts.TypeFlags.Null)) return type;
  return checker.getNonNullableType(type);
}

function isTrue(checker: ts.TypeChecker, type: ts.Type): boolean {
  return checker.typeToString(type) === 'true';
}

export function isDateLike(type: ts.Type): boolean {
  const name = type.getSymbol()?.name;
  return (name === 'Date' || name === 'RegExp') && !!type.getSymbol()?.declarations?.some((d) => d.getSourceFile().fileName.includes('/typescript/lib/'));
}

/** Types that may become a definition: objects (not arrays or dates) and unions of several. */
function isStructured(checker: ts.TypeChecker, type: ts.Type): boolean {
  if (type.isUnion()) return type.types.filter((member) => isPlainObject(checker, member)).length > 1;
  if (type.isIntersection()) return type.types.every((member) => member.flags & ts.TypeFlags.Object);
  return isPlainObject(checker, type);
}

function isPlainObject(checker: ts.TypeChecker, type: ts.Type): boolean {
  if (type.isIntersection()) return type.types.every((member) => member.flags & ts.TypeFlags.Object);
  return (type.flags & ts.TypeFlags.Object) !== 0 && !checker.isArrayType(type) && !checker.isTupleType(type) && !isDateLike(type);
}

/** A property every member has, with distinct string-literal values: the union's tag. */
function discriminant(checker: ts.TypeChecker, members: ts.Type[]): string | undefined {
  const common = checker
    .getPropertiesOfType(members[0])
    .map((property) => property.name)
    .filter((name) => members.every((member) => tagValues(checker, member, name).length > 0));
  const ordered = [...PREFERRED_TAGS.filter((name) => common.includes(name)), ...common.filter((name) => !PREFERRED_TAGS.includes(name)).sort()];
  return ordered.find((name) => {
    const values = members.flatMap((member) => tagValues(checker, member, name));
    return new Set(values).size === values.length;
  });
}

/** A tag whose values split the members into groups (each member's values equal or disjoint from the others'). */
function groupingTag(checker: ts.TypeChecker, members: ts.Type[]): { tag: string; groups: { values: string[]; members: ts.Type[] }[] } | undefined {
  const names = checker.getPropertiesOfType(members[0]).map((property) => property.name);
  const ordered = [...PREFERRED_TAGS.filter((name) => names.includes(name)), ...names.filter((name) => !PREFERRED_TAGS.includes(name)).sort()];
  for (const tag of ordered) {
    const valuesOf = members.map((member) => tagValues(checker, member, tag));
    if (valuesOf.some((values) => values.length === 0)) continue;
    const groups = new Map<string, { values: string[]; members: ts.Type[] }>();
    valuesOf.forEach((values, index) => {
      const key = values.join('|');
      const group = groups.get(key) ?? { values, members: [] };
      group.members.push(members[index]);
      groups.set(key, group);
    });
    const all = [...groups.values()].flatMap((group) => group.values);
    if (groups.size > 1 && new Set(all).size === all.length) return { tag, groups: [...groups.values()] };
  }
  return undefined;
}

function tagValues(checker: ts.TypeChecker, member: ts.Type, name: string): string[] {
  const property = checker.getPropertyOfType(member, name);
  if (!property || property.flags & ts.SymbolFlags.Optional) return [];
  const type = checker.getTypeOfSymbol(property);
  const parts = type.isUnion() ? type.types : [type];
  if (!parts.every((part) => part.flags & ts.TypeFlags.StringLiteral)) return [];
  return parts.map((part) => (part as ts.StringLiteralType).value).sort();
}

/**
 * The type name written in a property's annotation (`filter: Filter`, `nodes: Node[]`, `sort?: Sort[] | null`):
 * mapped types such as `DateToString<>` keep the property's declaration but lose the alias of its type.
 */
export function annotationName(checker: ts.TypeChecker, property: ts.Symbol): string | undefined {
  const declaration = property.declarations?.[0];
  if (!declaration || !(ts.isPropertySignature(declaration) || ts.isPropertyDeclaration(declaration)) || !declaration.type) return undefined;
  let node: ts.TypeNode = declaration.type;
  for (;;) {
    if (ts.isParenthesizedTypeNode(node)) node = node.type;
    else if (ts.isArrayTypeNode(node)) node = node.elementType;
    else if (ts.isUnionTypeNode(node)) {
      const kept = node.types.filter((member) => !isNullish(member));
      if (kept.length !== 1) return undefined;
      node = kept[0];
    } else if (ts.isTypeReferenceNode(node) && node.typeName.getText() === 'Array' && node.typeArguments?.length === 1) node = node.typeArguments[0];
    else break;
  }
  if (!ts.isTypeReferenceNode(node) || node.typeArguments?.length) return undefined;
  let symbol = checker.getSymbolAtLocation(node.typeName);
  if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
  if (!symbol || !(symbol.flags & (ts.SymbolFlags.TypeAlias | ts.SymbolFlags.Interface))) return undefined;
  return qualifiedName(checker, symbol);
}

function isNullish(node: ts.TypeNode): boolean {
  if (node.kind === ts.SyntaxKind.UndefinedKeyword) return true;
  return ts.isLiteralTypeNode(node) && node.literal.kind === ts.SyntaxKind.NullKeyword;
}

/** `"/…/segmentation".SegmentationTypes.Filter` → `SegmentationTypes.Filter`. */
function qualifiedName(checker: ts.TypeChecker, symbol: ts.Symbol): string {
  return checker.getFullyQualifiedName(symbol).replace(/^"[^"]*"\./, '').replace(/[^A-Za-z0-9_.]/g, '_');
}

function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Copies `schema`, replacing each `#/definitions/<name>` reference for which `replace` returns a schema. */
export function mapRefs(schema: JsonSchema, replace: (name: string) => JsonSchema | undefined): JsonSchema {
  const visit = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(visit);
    if (value === null || typeof value !== 'object') return value;
    const record = value as Record<string, unknown>;
    if (typeof record.$ref === 'string' && record.$ref.startsWith('#/definitions/')) {
      const replaced = replace(record.$ref.slice('#/definitions/'.length));
      if (replaced) return replaced;
    }
    return Object.fromEntries(Object.entries(record).map(([key, inner]) => [key, visit(inner)]));
  };
  return visit(schema) as JsonSchema;
}
