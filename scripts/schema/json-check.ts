// Checks the JSON a flag carries against the flag's JSON Schema with ajv. Validators are compiled once per
// schema and shared by every file, or generated ahead of time (precompile.ts) and loaded with the bundle.
// Placeholders (`"<email>"`, `"..."`, bare `<name>`) match any schema: at load time every value position
// of the schemas becomes "a placeholder, or else the original schema".
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { PLACEHOLDER_SCHEMA, isPlaceholder } from '../parse/placeholders.ts';
import { type Location, displayPath, jsonLocations, parseDocJson, strictJson } from '../parse/doc-json.ts';
import type { DefinitionsFile, JsonSchema } from './model.ts';
import { didYouMean, nearest } from './suggest.ts';

const TAG_VALUES_KEYWORD = 'x-tag-values';
/** The placeholder schema, compiled once and referenced from every value position (not copied into each). */
const PLACEHOLDER_ID = 'skill-lint-placeholder.json';

export interface JsonProblem {
  /** JSON pointer of the value concerned (`/groups/0`). */
  pointer: string;
  /** `groups[0].conjunction` */
  path: string;
  message: string;
  hint?: string;
  /** Offsets into the checked text. */
  start: number;
  end: number;
  /** The one safe repair, by offsets into the checked text (a misspelt key renamed). */
  fix?: { start: number; end: number; text: string; replaces: string };
}

export type JsonCheck =
  | { ok: true; value: unknown; locations: Map<string, Location> }
  | { ok: false; syntax: { offset: number; message: string } }
  | { ok: false; problems: JsonProblem[]; value: unknown; locations: Map<string, Location> };

/**
 * JSON that validated, its locations worked out when first read. A class rather than an object literal with a
 * getter: V8 gives each such literal a hidden class of its own, which keeps what it holds through the young
 * generation's collections.
 */
class ValidJson {
  readonly ok = true;
  private located: Map<string, Location> | undefined;

  constructor(
    readonly value: unknown,
    private readonly text: string,
  ) {}

  get locations(): Map<string, Location> {
    this.located ??= jsonLocations(this.text);
    return this.located;
  }
}

export class JsonChecker {
  private compiler: Ajv | undefined;
  private readonly validators = new Map<string, ValidateFunction>();
  private readonly bySchema = new WeakMap<JsonSchema, ValidateFunction>();
  private definitionsRead: DefinitionsFile | undefined;

  /**
   * `precompiled` gives validators generated ahead of time, by the key `validator` files them under (read only
   * when a validator is first needed); `generating` keeps each validator's source, for precompile.ts. The
   * definitions are read only when a validator is compiled: generated ones carry what they need.
   */
  constructor(
    private readonly readDefinitions: () => DefinitionsFile,
    private readonly precompiled: (key: string) => ValidateFunction | undefined = () => undefined,
    private readonly generating = false,
  ) {}

  private get definitionsFile(): DefinitionsFile {
    this.definitionsRead ??= this.readDefinitions();
    return this.definitionsRead;
  }

  private get definitions(): Record<string, JsonSchema> {
    return this.definitionsFile.definitions;
  }

  /**
   * The ajv instance, with the shared definitions, made when a validator is first compiled: a run whose
   * validators were all generated ahead of time never pays for it.
   */
  private get ajv(): Ajv {
    if (!this.compiler) {
      // Each flag schema compiles once; shared definitions compiled once and unoptimised code keep the first run fast.
      this.compiler = new Ajv({
        allErrors: true,
        verbose: true,
        strict: false,
        discriminator: true,
        validateFormats: false,
        inlineRefs: false,
        validateSchema: false,
        // Generated code is optimised once, ahead of time; code compiled during a run is not, to start sooner.
        code: { optimize: this.generating, source: this.generating },
      });
      this.compiler.addKeyword({ keyword: TAG_VALUES_KEYWORD, schemaType: 'array' });
      const definitions = Object.fromEntries(Object.entries(this.definitions).map(([name, schema]) => [name, this.prepare(schema, false)]));
      this.compiler.addSchema({ $id: this.definitionsFile.$id, definitions });
      this.compiler.addSchema({ $id: PLACEHOLDER_ID, ...PLACEHOLDER_SCHEMA });
    }
    return this.compiler;
  }

  /** Parses `text` (documentation JSON) and validates it against `schema`. */
  check(schema: JsonSchema, text: string): JsonCheck {
    // Strict JSON that validates, the usual case, needs neither the documentation parser nor its locations
    // until someone asks where a part of it is written.
    const strict = strictJson(text);
    if (strict && this.validator(schema)(strict.value)) return new ValidJson(strict.value, text);
    const parsed = parseDocJson(text);
    if (!parsed.ok) return { ok: false, syntax: { offset: parsed.offset, message: parsed.message } };
    const validate = this.validator(schema);
    const { value, locations } = parsed;
    if (validate(value)) return { ok: true, value, locations };
    const problems = this.explain(validate.errors ?? [], parsed.partial, locations, text.length);
    // A key written with escapes is not where its plain spelling says: no repair is offered for it.
    for (const problem of problems) if (problem.fix && text.slice(problem.fix.start, problem.fix.end) !== problem.fix.replaces) delete problem.fix;
    return problems.length === 0 ? { ok: true, value, locations } : { ok: false, problems, value, locations };
  }

  /** Compiles (once) the validator of a flag schema. Throws when the schema is not valid for ajv. */
  validator(schema: JsonSchema): ValidateFunction {
    // By the schema object first: its key is the whole schema written out, too long to make for every value.
    const known = this.bySchema.get(schema);
    if (known) return known;
    const key = validatorKey(schema);
    let validate = this.validators.get(key) ?? this.precompiled(key);
    if (!validate) {
      validate = this.ajv.compile(this.prepare(schema, true));
      this.validators.set(key, validate);
    }
    this.bySchema.set(schema, validate);
    return validate;
  }

  /** The ajv instance, and the schema it compiles for a flag schema: for generating code ahead of time. */
  forGeneration(): { ajv: Ajv; prepare: (schema: JsonSchema) => JsonSchema } {
    return { ajv: this.ajv, prepare: (schema) => this.prepare(schema, true) };
  }

  /**
   * Copies a schema so that each value position (the root, properties, items, additional properties) also
   * accepts a placeholder. Tag constants stay as they are (ajv's discriminator reads them); placeholders
   * there are forgiven when errors are explained.
   */
  private prepare(schema: JsonSchema, wrapRoot: boolean): JsonSchema {
    const wrap = (inner: unknown): unknown => {
      const body = walk(inner);
      if (typeof body !== 'object' || body === null || Array.isArray(body)) return body;
      const record = body as Record<string, unknown>;
      if (Object.keys(record).length === 0 || 'const' in record || ('enum' in record && !('anyOf' in record))) return body;
      return { if: { $ref: PLACEHOLDER_ID }, else: body };
    };
    const walk = (node: unknown): unknown => {
      if (Array.isArray(node)) return node.map(walk);
      if (typeof node !== 'object' || node === null) return node;
      const out: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(node as Record<string, unknown>)) {
        if (key === 'properties') out[key] = Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([name, inner]) => [name, wrap(inner)]));
        else if (key === 'items') out[key] = Array.isArray(value) ? value.map(wrap) : wrap(value);
        else if (key === 'additionalProperties' || key === 'additionalItems') out[key] = typeof value === 'object' ? wrap(value) : value;
        else out[key] = walk(value);
      }
      if (out.discriminator) out[TAG_VALUES_KEYWORD] = this.tagValues(node as JsonSchema);
      return out;
    };
    return (wrapRoot ? wrap(schema) : walk(schema)) as JsonSchema;
  }

  /** Values the discriminator of `schema` accepts, read through `$ref`s. */
  private tagValues(schema: JsonSchema): string[] {
    const tag = (schema.discriminator as { propertyName: string }).propertyName;
    const values: string[] = [];
    for (const branch of (schema.oneOf as JsonSchema[]) ?? []) {
      const target = this.resolve(branch);
      const tagSchema = (target.properties as Record<string, JsonSchema> | undefined)?.[tag];
      if (tagSchema?.const !== undefined) values.push(String(tagSchema.const));
      for (const value of (tagSchema?.enum as unknown[]) ?? []) values.push(String(value));
    }
    return values;
  }

  private resolve(schema: JsonSchema): JsonSchema {
    const ref = schema.$ref;
    if (typeof ref !== 'string') return schema;
    const name = ref.slice(ref.indexOf('#/definitions/') + '#/definitions/'.length);
    return this.definitions[name] ? this.resolve(this.definitions[name]) : schema;
  }

  private explain(errors: ErrorObject[], partial: Set<string>, locations: Map<string, Location>, length: number): JsonProblem[] {
    const kept = errors.filter((error) => {
      const data = error.data;
      if (error.keyword === 'if') return false;
      if ((error.keyword === 'const' || error.keyword === 'enum') && typeof data === 'string' && isPlaceholder(data)) return false;
      if (error.keyword === 'discriminator') {
        const value = error.params.tagValue;
        // A missing tag is already a `required` error.
        if (value === undefined || (typeof value === 'string' && isPlaceholder(value))) return false;
      }
      if (error.keyword === 'required' && partial.has(error.instancePath)) return false;
      return true;
    });
    // `conjunction` given where `conjonction` is required: the unknown key's hint says it all.
    const misspelt = new Set(
      kept
        .filter((error) => error.keyword === 'additionalProperties')
        .flatMap((error) => {
          const allowed = Object.keys(((error.parentSchema as JsonSchema | undefined)?.properties as object) ?? {});
          return nearest(String(error.params.additionalProperty), allowed, 1).map((key) => `${error.instancePath}\u0000${key}`);
        }),
    );
    const relevant = kept.filter((error) => !(error.keyword === 'required' && misspelt.has(`${error.instancePath}\u0000${error.params.missingProperty}`)));
    // A failed `anyOf` / `oneOf` says less than the errors of its branches; keep it only when it is all there is.
    const specific = relevant.filter((error) => error.keyword !== 'anyOf' && error.keyword !== 'oneOf');
    const chosen = specific.length > 0 ? specific : relevant;
    const seen = new Set<string>();
    const problems: JsonProblem[] = [];
    for (const error of chosen) {
      const problem = this.problem(error, locations, length);
      const key = `${problem.pointer}\u0000${problem.message}`;
      if (seen.has(key)) continue;
      seen.add(key);
      problems.push(problem);
    }
    return problems;
  }

  private problem(error: ErrorObject, locations: Map<string, Location>, length: number): JsonProblem {
    const pointer = error.instancePath;
    const here = locations.get(pointer) ?? { start: 0, end: length };
    const at = (start: number, end: number, message: string, hint?: string, where = pointer): JsonProblem => ({
      pointer: where,
      path: displayPath(where),
      message,
      ...(hint ? { hint } : {}),
      start,
      end,
    });
    const path = displayPath(pointer);
    const parent = error.parentSchema as JsonSchema | undefined;
    switch (error.keyword) {
      case 'additionalProperties': {
        const key = String(error.params.additionalProperty);
        const child = `${pointer}/${key.replaceAll('~', '~0').replaceAll('/', '~1')}`;
        const location = locations.get(child);
        const allowed = Object.keys((parent?.properties as Record<string, unknown>) ?? {});
        const start = location?.keyStart ?? here.start;
        const end = location?.keyStart !== undefined ? location.keyStart + JSON.stringify(key).length : here.end;
        const hint = didYouMean(key, allowed) ?? (allowed.length > 0 ? `allowed keys: ${allowed.join(', ')}` : 'this object takes no keys');
        const problem = at(start, end, `unknown key \`${key}\` in ${pointer === '' ? 'the object' : path}`, hint, child);
        // `conjunction` → `conjonction`: renamed when one allowed key is close and the object does not have it yet.
        const closest = nearest(key, allowed, 2);
        const present = typeof error.data === 'object' && error.data !== null && closest.length === 1 && Object.hasOwn(error.data, closest[0]);
        if (closest.length === 1 && !present && location?.keyStart !== undefined) problem.fix = { start, end, text: JSON.stringify(closest[0]), replaces: JSON.stringify(key) };
        return problem;
      }
      case 'required': {
        const missing = String(error.params.missingProperty);
        const needed = ((parent?.required as string[]) ?? []).join(', ');
        return at(here.start, here.end, `${pointer === '' ? 'the object' : path} is missing the required key \`${missing}\``, needed ? `required keys here: ${needed}` : undefined);
      }
      case 'type':
        return at(here.start, here.end, `${path} must be ${article(String(error.params.type))}, not ${article(kindOf(error.data))}`);
      case 'enum': {
        const allowed = (error.params.allowedValues as unknown[]).map(String);
        const value = String(error.data);
        return at(here.start, here.end, `${path} is \`${value}\`, not one of: ${allowed.join(', ')}`, didYouMean(value, allowed));
      }
      case 'const':
        return at(here.start, here.end, `${path} must be \`${JSON.stringify(error.params.allowedValue)}\``);
      case 'discriminator': {
        const tag = String(error.params.tag);
        const allowed = (parent?.[TAG_VALUES_KEYWORD] as string[]) ?? [];
        const tagLocation = locations.get(`${pointer}/${tag}`);
        const start = tagLocation?.start ?? here.start;
        const end = tagLocation?.end ?? here.end;
        const value = error.params.tagValue;
        const message = `${displayPath(`${pointer}/${tag}`)} is ${JSON.stringify(value)}, not one of: ${allowed.join(', ')}`;
        return at(start, end, message, typeof value === 'string' ? didYouMean(value, allowed) : undefined, `${pointer}/${tag}`);
      }
      default:
        return at(here.start, here.end, `${path} ${error.message ?? 'is not valid'}`);
    }
  }
}

/** The key a flag schema's validator is filed under, here and in the generated module. */
export function validatorKey(schema: JsonSchema): string {
  return JSON.stringify(schema);
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

function article(type: string): string {
  if (type === 'null') return 'null';
  return `${/^[aeiou]/.test(type) ? 'an' : 'a'} ${type}`;
}
