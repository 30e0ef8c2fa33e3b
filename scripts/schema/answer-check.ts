// Checks a documented answer (a fenced `json` block showing what a command prints) against the command's result
// schema. Answers in documentation are abbreviated, so missing keys are fine; what is checked is that every key
// shown exists where it is shown (no wrong wrapper), and that values have the right type and enum member.
// A `null` where the command deletes null-valued keys is a lesser finding: the key would be absent.
// Free-form maps (`runContext`, records, rows) are not checked below their key.
import { isPlaceholder } from '../parse/placeholders.ts';
import { ELISION, escapePointer } from '../parse/doc-json.ts';
import { type LoadedSchema, loadCliSchema } from './index.ts';
import type { JsonSchema } from './model.ts';
import { type BodyResult, type PathStep, alternatives, isFreeForm, keepsNullAt, propertyNames } from './results.ts';
import { didYouMean } from './suggest.ts';

export interface AnswerProblem {
  /** JSON pointer of the value (or, for an unknown key, of the member) concerned. */
  pointer: string;
  /** The problem is at the member's key rather than its value. */
  atKey?: true;
  message: string;
  hint?: string;
  /** A null that the command deletes: a warning, not an error. */
  lesser?: true;
}

interface Wording {
  message: string;
  hint: string;
}

/**
 * An unknown key, worded when first read. A class, not an object literal with getters: V8 gives each such
 * literal a hidden class of its own, which keeps what it holds through the young generation's collections.
 */
class UnknownKey implements AnswerProblem {
  readonly atKey = true;
  private words: Wording | undefined;

  constructor(
    readonly pointer: string,
    private readonly explain: () => Wording,
  ) {}

  get message(): string {
    this.words ??= this.explain();
    return this.words.message;
  }

  get hint(): string {
    this.words ??= this.explain();
    return this.words.hint;
  }
}

type Kind = 'object' | 'array' | 'string' | 'number' | 'boolean' | 'null';

/** The path to a value, from its last step back: each value adds one link, and only a null is asked for the whole. */
interface PathLink {
  parent: PathLink | undefined;
  step: PathStep;
}

function stepsOf(link: PathLink | undefined): PathStep[] {
  const steps: PathStep[] = [];
  for (let at = link; at; at = at.parent) steps.push(at.step);
  return steps.reverse();
}

export function checkAnswer(value: unknown, result: BodyResult, loaded: LoadedSchema = loadCliSchema()): AnswerProblem[] {
  return new AnswerChecker(result, loaded).check(value, [result.schema], undefined, '');
}

class AnswerChecker {
  constructor(
    private readonly result: BodyResult,
    private readonly loaded: LoadedSchema,
  ) {}

  check(value: unknown, schemas: readonly JsonSchema[], path: PathLink | undefined, pointer: string): AnswerProblem[] {
    if (typeof value === 'string' && isPlaceholder(value)) return [];
    if (schemas.some((schema) => isFreeForm(schema, this.loaded))) return [];
    const where = () => (pointer === '' ? 'the answer' : `\`${shown(pointer)}\``);
    if (value === null) {
      // Where nulls survive, the server's null is printed whatever the declared type says (optional, mostly).
      if (keepsNullAt(this.result, stepsOf(path))) return [];
      return [{ pointer, message: `${where()} is null, but the command deletes null-valued keys from its answer: the key is absent instead`, hint: 'leave the key out, or say in prose that it may be missing', lesser: true }];
    }
    const kind = kindOf(value);
    const branches = schemas.flatMap((schema) => alternatives(schema, this.loaded));
    const fitting = branches.filter((branch) => accepts(branch, kind));
    if (fitting.length === 0) {
      const expected = [...new Set(branches.map(describe))].join(' or ');
      return [{ pointer, message: `${where()} is ${article(kind)}, but the answer has ${expected} there` }];
    }
    if (kind === 'object') return this.object(value as Record<string, unknown>, fitting, path, pointer);
    if (kind === 'array') {
      const items = fitting.map((branch) => (branch.items && !Array.isArray(branch.items) ? (branch.items as JsonSchema) : {}));
      return (value as unknown[]).flatMap((element, index) => (element === ELISION ? [] : this.check(element, items, { parent: path, step: index }, `${pointer}/${index}`)));
    }
    if (fitting.some((branch) => allowsValue(branch, value))) return [];
    const allowed = fitting.flatMap((branch) => (Array.isArray(branch.enum) ? branch.enum : branch.const !== undefined ? [branch.const] : [])).map(String);
    return [{ pointer, message: `${where()} is \`${String(value)}\`, not one of: ${allowed.join(', ')}`, ...hintOf(didYouMean(String(value), allowed)) }];
  }

  /** The problems of the object against the branch that fits it best (its tag decides when it has one). */
  private object(value: Record<string, unknown>, branches: JsonSchema[], path: PathLink | undefined, pointer: string): AnswerProblem[] {
    const tagged = branches.filter((branch) => tagMatches(branch, value));
    const candidates = tagged.length > 0 ? tagged : branches;
    let best: AnswerProblem[] | undefined;
    for (const branch of candidates) {
      const found = this.members(value, branch, path, pointer);
      if (!best || weight(found) < weight(best)) best = found;
      if (found.length === 0) break;
    }
    return best ?? [];
  }

  private members(value: Record<string, unknown>, branch: JsonSchema, path: PathLink | undefined, pointer: string): AnswerProblem[] {
    const properties = (branch.properties as Record<string, JsonSchema> | undefined) ?? {};
    const additional = branch.additionalProperties;
    const problems: AnswerProblem[] = [];
    for (const [key, member] of Object.entries(value)) {
      if (key === ELISION || key === '…') continue;
      const memberPointer = `${pointer}/${escapePointer(key)}`;
      const schema = properties[key] ?? (typeof additional === 'object' && additional !== null ? (additional as JsonSchema) : additional === false ? undefined : {});
      if (schema) {
        problems.push(...this.check(member, [schema], { parent: path, step: key }, memberPointer));
        continue;
      }
      problems.push(this.unknownKey(key, Object.keys(properties), pointer, memberPointer));
    }
    return problems;
  }

  /**
   * An unknown key. Its words are worked out when read: an object is checked against every branch it may
   * be, and the problems of the branches it was not meant as are only counted.
   */
  private unknownKey(key: string, allowed: string[], pointer: string, memberPointer: string): AnswerProblem {
    const explain = (): Wording => {
      const where = pointer === '' ? 'the answer' : `\`${shown(pointer)}\``;
      // The key exists one level down: the block left out (or invented) a wrapper.
      const wrapper = allowed.find((name) => propertyNames(this.propertyOf(pointer, name), this.loaded).includes(key));
      if (wrapper) {
        return { message: `${where} has no key \`${key}\`: it is \`${shown(`${pointer}/${wrapper}/${key}`)}\`, inside \`${wrapper}\``, hint: `the answer is \`{${allowed.join(', ')}}\`` };
      }
      const suggestion = didYouMean(key, allowed);
      return { message: `${where} has no key \`${key}\``, hint: suggestion ?? (allowed.length > 0 ? `keys here: ${allowed.join(', ')}` : 'this object has no named keys') };
    };
    return new UnknownKey(memberPointer, explain);
  }

  /** The schema of `name` under the object at `pointer`, for the wrapper hint (top-level and nested alike). */
  private propertyOf(pointer: string, name: string): JsonSchema {
    const steps = pointer === '' ? [] : pointer.slice(1).split('/');
    let schemas = [this.result.schema];
    for (const step of [...steps, name]) {
      schemas = schemas
        .flatMap((schema) => alternatives(schema, this.loaded))
        .flatMap((branch) => {
          if (/^\d+$/.test(step) && branch.type === 'array' && branch.items && !Array.isArray(branch.items)) return [branch.items as JsonSchema];
          const property = (branch.properties as Record<string, JsonSchema> | undefined)?.[step.replaceAll('~1', '/').replaceAll('~0', '~')];
          return property ? [property] : [];
        });
    }
    return { anyOf: schemas };
  }
}

function kindOf(value: unknown): Kind {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value as Kind;
}

function accepts(branch: JsonSchema, kind: Kind): boolean {
  if (Object.keys(branch).length === 0) return true;
  if (branch.const !== undefined) return kindOf(branch.const) === kind;
  const type = branch.type;
  if (type === undefined) return kind === 'object' && branch.properties !== undefined;
  if (type === 'integer') return kind === 'number';
  return type === kind;
}

function allowsValue(branch: JsonSchema, value: unknown): boolean {
  if (branch.const !== undefined) return branch.const === value;
  if (Array.isArray(branch.enum)) return branch.enum.includes(value);
  return true;
}

function tagMatches(branch: JsonSchema, value: Record<string, unknown>): boolean {
  const properties = (branch.properties as Record<string, JsonSchema> | undefined) ?? {};
  return ['kind', 'type', 'outcome', 'status'].some((tag) => properties[tag]?.const !== undefined && properties[tag].const === value[tag]);
}

function describe(branch: JsonSchema): string {
  if (branch.const !== undefined) return `\`${JSON.stringify(branch.const)}\``;
  if (Array.isArray(branch.enum)) return 'a string';
  return article(String(branch.type ?? 'any value'));
}

function article(type: string): string {
  if (type === 'null') return 'null';
  return `${/^[aeiou]/.test(type) ? 'an' : 'a'} ${type}`;
}

/** Errors weigh more than lesser findings when choosing the branch (or command) a block was meant as. */
export function weight(problems: AnswerProblem[]): number {
  return problems.reduce((total, problem) => total + (problem.lesser ? 1 : 100), 0);
}

function hintOf(hint: string | undefined): { hint?: string } {
  return hint ? { hint } : {};
}

/** `/batch/status` → `.batch.status`, `/runs/0/uuid` → `.runs[0].uuid` (jq's spelling). */
function shown(pointer: string): string {
  let out = '';
  for (const part of pointer.slice(1).split('/')) {
    const key = part.replaceAll('~1', '/').replaceAll('~0', '~');
    if (/^\d+$/.test(key)) out += `[${key}]`;
    else out += /^[A-Za-z_]\w*$/.test(key) ? `.${key}` : `.${JSON.stringify(key)}`;
  }
  return out || '.';
}
