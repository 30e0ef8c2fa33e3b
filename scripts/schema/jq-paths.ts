// Types a jq filter against the JSON Schema of a command's answer, symbolically: each node of the filter gets
// the shape of what it yields (the schema at a path of the answer, a constructed object or array, a scalar, or
// "anything"), and every field read on an object that has no such key is a finding. Whatever the typer cannot
// follow (user functions, computed keys, free-form maps) becomes "anything", so it never guesses a finding.
import type { JqNode, JqPattern, JqSpan } from '../parse/jq.ts';
import type { JsonSchema } from './model.ts';
import { type SchemaDefinitions, alternatives } from './results.ts';
import { nearest } from './suggest.ts';

export interface JqPathFinding {
  /** Span of the offending field inside the filter text. */
  span: JqSpan;
  message: string;
}

/** What a filter node yields. Paths are jq paths from the answer's root (`.batch`, `.tools[]`). */
type Shape =
  | { kind: 'any' }
  | { kind: 'none' }
  | { kind: 'schema'; schema: JsonSchema; path: string }
  | { kind: 'object'; props: Map<string, Shape> }
  | { kind: 'array'; items: Shape }
  | { kind: 'scalar'; type: 'string' | 'number' | 'boolean' | 'null' }
  | { kind: 'union'; options: Shape[] };

const ANY: Shape = { kind: 'any' };
const NONE: Shape = { kind: 'none' };
const STRING: Shape = { kind: 'scalar', type: 'string' };
const NUMBER: Shape = { kind: 'scalar', type: 'number' };
const BOOLEAN: Shape = { kind: 'scalar', type: 'boolean' };

/** Builtins that keep their input (filters and reorderings). */
const KEEPS_INPUT = new Set(['values', 'nulls', 'strings', 'numbers', 'booleans', 'objects', 'arrays', 'iterables', 'scalars', 'sort', 'unique', 'reverse', 'debug', 'del']);
const GIVES_STRING = new Set(['tostring', 'ascii_downcase', 'ascii_upcase', 'ltrimstr', 'rtrimstr', 'join', 'tojson', 'sub', 'gsub', 'type', 'splits', 'implode', 'todate', 'todateiso8601']);
const GIVES_NUMBER = new Set(['length', 'utf8bytelength', 'tonumber', 'floor', 'ceil', 'round', 'sqrt', 'fabs', 'now', 'fromdate', 'fromdateiso8601', 'range']);
const GIVES_BOOLEAN = new Set(['not', 'has', 'in', 'contains', 'inside', 'startswith', 'endswith', 'test', 'isempty', 'any', 'all', 'isnan', 'isinfinite', 'isnormal']);
/** Builtins whose arguments run on the builtin's own input, so field reads in them are checked against it. */
const ARGUMENTS_READ_INPUT = new Set(['select', 'has', 'contains', 'inside', 'startswith', 'endswith', 'test', 'ltrimstr', 'rtrimstr', 'split', 'join', 'sub', 'gsub', 'limit', 'first', 'last', 'isempty', 'in', 'splits', 'index', 'rindex', 'indices', 'match', 'capture', 'scan', 'del', 'getpath', 'error']);
/** Builtins whose argument runs on each element of the input array. */
const ARGUMENT_PER_ELEMENT = new Set(['map', 'map_values', 'sort_by', 'group_by', 'unique_by', 'min_by', 'max_by', 'any', 'all']);

export interface JqTypingInput {
  /** The answer's JSON Schema. */
  schema: JsonSchema;
  /**
   * Resolves `#/definitions/<name>` references: its `definitions` are read only when the filter reaches one
   * (a loaded CLI schema reads its definitions file then; `jq .` never does).
   */
  references: SchemaDefinitions;
  /** `orchestration batch get`, for messages. */
  command: string;
  /** The filter's input is the answer (default); false with `jq -n`, where only variables hold answers. */
  readsAnswer?: boolean;
  /** How the answer reaches the filter: as is, or slurped (`jq -s`: an array of answers). */
  slurped?: boolean;
  /** Variables bound to the answer (`--slurpfile name file`: an array of answers). */
  variables?: Record<string, 'answer' | 'answers'>;
}

/** The field reads of `filter` that the answer described by `input.schema` does not have. */
export function checkJqPaths(filter: JqNode, input: JqTypingInput): JqPathFinding[] {
  const typer = new Typer(input);
  const answer: Shape = { kind: 'schema', schema: input.schema, path: '' };
  const env = new Map<string, Shape>();
  for (const [name, kind] of Object.entries(input.variables ?? {})) env.set(name, kind === 'answer' ? answer : { kind: 'array', items: answer });
  const start: Shape = input.readsAnswer === false ? ANY : input.slurped ? { kind: 'array', items: answer } : answer;
  typer.run(filter, start, env);
  return typer.findings;
}

class Typer {
  readonly findings: JqPathFinding[] = [];
  private readonly reported = new Set<string>();

  constructor(private readonly input: JqTypingInput) {}

  run(node: JqNode, input: Shape, env: Map<string, Shape>): Shape {
    if (input.kind === 'none') return NONE;
    switch (node.type) {
      case 'identity':
        return input;
      case 'recurse':
        return ANY;
      case 'format':
        return STRING;
      case 'field':
        return this.field(this.run(node.target, input, env), node.name, node.nameSpan);
      case 'optional':
        return this.run(node.body, input, env);
      case 'index': {
        const target = this.run(node.target, input, env);
        this.run(node.index, input, env);
        if (node.index.type === 'literal' && typeof node.index.value === 'number') return this.elements(target, false);
        return ANY;
      }
      case 'slice':
        if (node.from) this.run(node.from, input, env);
        if (node.to) this.run(node.to, input, env);
        return this.run(node.target, input, env);
      case 'iterate':
        return this.elements(this.run(node.target, input, env), true);
      case 'literal':
        return { kind: 'scalar', type: node.value === null ? 'null' : typeof node.value === 'number' ? 'number' : 'boolean' };
      case 'string':
        for (const part of node.parts) if (typeof part !== 'string') this.run(part, input, env);
        return STRING;
      case 'array':
        return { kind: 'array', items: node.body ? this.run(node.body, input, env) : NONE };
      case 'object':
        return this.object(node, input, env);
      case 'variable':
        return env.get(node.name) ?? ANY;
      case 'call':
        return this.call(node, input, env);
      case 'pipe':
        return this.run(node.right, this.run(node.left, input, env), env);
      case 'comma':
      case 'alternative':
        return union([this.run(node.left, input, env), this.run(node.right, input, env)]);
      case 'assign':
        // The left side names paths to write, which may be new keys; only the value is read.
        if (node.op === '=') this.run(node.right, input, env);
        return input;
      case 'binary': {
        const left = this.run(node.left, input, env);
        const right = this.run(node.right, input, env);
        if (['==', '!=', '<', '<=', '>', '>=', 'and', 'or'].includes(node.op)) return BOOLEAN;
        return left.kind === 'scalar' && right.kind === 'scalar' && left.type === right.type ? left : ANY;
      }
      case 'negate':
        this.run(node.body, input, env);
        return NUMBER;
      case 'bind': {
        const source = this.run(node.source, input, env);
        const inner = new Map(env);
        for (const pattern of node.patterns) bindPattern(pattern, source, inner, node.patterns.length === 1);
        return this.run(node.body, input, inner);
      }
      case 'reduce':
      case 'foreach': {
        const source = this.run(node.source, input, env);
        const inner = new Map(env);
        bindPattern(node.pattern, source, inner, true);
        this.run(node.init, input, env);
        // The accumulator's shape changes from one step to the next: not followed.
        this.run(node.update, ANY, inner);
        if (node.type === 'foreach' && node.extract) this.run(node.extract, ANY, inner);
        return ANY;
      }
      case 'if': {
        const outputs: Shape[] = [];
        for (const branch of node.branches) {
          this.run(branch.cond, input, env);
          outputs.push(this.run(branch.then, input, env));
        }
        outputs.push(node.otherwise ? this.run(node.otherwise, input, env) : input);
        return union(outputs);
      }
      case 'try': {
        const body = this.run(node.body, input, env);
        return node.handler ? union([body, this.run(node.handler, ANY, env)]) : body;
      }
      case 'label':
        return this.run(node.body, input, env);
      case 'break':
        return NONE;
      case 'def': {
        // A user function's parameters are filters whose inputs depend on each call: its body is not followed.
        const inner = new Map(env);
        inner.set(`function:${node.name}`, ANY);
        return this.run(node.rest, input, inner);
      }
    }
  }

  private object(node: JqNode & { type: 'object' }, input: Shape, env: Map<string, Shape>): Shape {
    const props = new Map<string, Shape>();
    let computed = false;
    for (const entry of node.entries) {
      let value: Shape;
      if (entry.value) value = this.run(entry.value, input, env);
      else if (entry.variable) value = env.get(entry.key as string) ?? ANY;
      else if (typeof entry.key === 'string') value = this.field(input, entry.key, entry.keySpan);
      else value = ANY;
      if (typeof entry.key === 'string') props.set(entry.key, value);
      else {
        this.run(entry.key, input, env);
        computed = true;
      }
    }
    return computed ? ANY : { kind: 'object', props };
  }

  private call(node: JqNode & { type: 'call' }, input: Shape, env: Map<string, Shape>): Shape {
    const { name, args } = node;
    if (env.has(`function:${name}`)) return ANY;
    if (ARGUMENT_PER_ELEMENT.has(name) && args.length === 1) {
      const items = this.elements(input, true);
      const mapped = this.run(args[0], items, env);
      if (name === 'map') return { kind: 'array', items: mapped };
      if (name === 'group_by') return { kind: 'array', items: input };
      if (name === 'min_by' || name === 'max_by') return items;
      if (name === 'any' || name === 'all') return BOOLEAN;
      return name === 'map_values' ? ANY : input;
    }
    if (name === 'with_entries' && args.length === 1) {
      this.run(args[0], this.entries(input), env);
      return ANY;
    }
    if (ARGUMENTS_READ_INPUT.has(name)) for (const arg of args) this.run(arg, input, env);
    if (name === 'select' && args.length === 1) return input;
    if ((name === 'first' || name === 'last') && args.length === 1) return this.run(args[0], input, env);
    if (args.length === 0) {
      if (name === 'empty' || name === 'error') return NONE;
      if (name === 'keys' || name === 'keys_unsorted') return { kind: 'array', items: STRING };
      if (name === 'to_entries') return { kind: 'array', items: this.entries(input) };
      if (['first', 'last', 'min', 'max', 'add'].includes(name)) return this.elements(input, false);
    }
    if (name === 'split') return { kind: 'array', items: STRING };
    if (name === 'error') return NONE;
    if (KEEPS_INPUT.has(name)) return input;
    if (GIVES_STRING.has(name)) return STRING;
    if (GIVES_NUMBER.has(name)) return NUMBER;
    if (GIVES_BOOLEAN.has(name)) return BOOLEAN;
    return ANY;
  }

  /** `{key, value}` objects of `to_entries` / `with_entries`. */
  private entries(input: Shape): Shape {
    return { kind: 'object', props: new Map([['key', ANY], ['value', this.elements(input, false)]]) };
  }

  /** `.[]` (or `.[n]`, `first`...): the elements of an array, the values of an object. */
  private elements(shape: Shape, iterate: boolean): Shape {
    switch (shape.kind) {
      case 'any':
      case 'none':
      case 'scalar':
        return shape.kind === 'none' ? NONE : ANY;
      case 'array':
        return shape.items;
      case 'object':
        return iterate ? union([...shape.props.values()]) : ANY;
      case 'union':
        return union(shape.options.map((option) => this.elements(option, iterate)));
      case 'schema': {
        const out: Shape[] = [];
        for (const branch of this.alternatives(shape.schema)) {
          const type = typeOf(branch);
          if (type === 'array') {
            const items = branch.items;
            if (items && typeof items === 'object' && !Array.isArray(items)) out.push({ kind: 'schema', schema: items as JsonSchema, path: `${shape.path}[]` });
            else out.push(ANY);
          } else if (type === 'object' && iterate) {
            const props = properties(branch);
            if (!props || additional(branch) !== false) out.push(ANY);
            for (const [key, value] of Object.entries(props ?? {})) out.push({ kind: 'schema', schema: value, path: `${shape.path}.${key}` });
          } else if (type === undefined) {
            out.push(ANY);
          }
        }
        return union(out);
      }
    }
  }

  /** `.name` on `shape`; reports the read when no object the shape may be has that key. */
  private field(shape: Shape, name: string, span: JqSpan): Shape {
    switch (shape.kind) {
      case 'any':
      case 'none':
      case 'scalar':
      case 'array':
        return shape.kind === 'none' ? NONE : ANY;
      case 'object': {
        const value = shape.props.get(name);
        if (value) return value;
        this.report(span, `\`.${name}\`: the object built here is \`${keyList([...shape.props.keys()])}\`.`);
        return ANY;
      }
      case 'union':
        return this.fieldOfUnion(shape.options, name, span);
      case 'schema': {
        const found: Shape[] = [];
        const closed: JsonSchema[] = [];
        for (const branch of this.alternatives(shape.schema)) {
          const type = typeOf(branch);
          if (type !== 'object' && type !== undefined) continue;
          const props = properties(branch);
          const extra = additional(branch);
          if (props && Object.hasOwn(props, name)) found.push({ kind: 'schema', schema: props[name], path: `${shape.path}.${name}` });
          else if (extra && typeof extra === 'object') found.push({ kind: 'schema', schema: extra as JsonSchema, path: `${shape.path}.${name}` });
          else if (!props || extra === true || extra === undefined) found.push(ANY);
          else closed.push(branch);
        }
        if (found.length > 0) return union(found);
        if (closed.length > 0) this.reportMissing(shape, closed, name, span);
        return ANY;
      }
    }
  }

  /** A union reports a missing key only when none of its members has it. */
  private fieldOfUnion(options: Shape[], name: string, span: JqSpan): Shape {
    const quiet = new Typer(this.input);
    const results = options.map((option) => quiet.field(option, name, span));
    if (quiet.findings.length === options.length) this.report(span, quiet.findings[0].message);
    return union(results);
  }

  private reportMissing(shape: Shape & { kind: 'schema' }, branches: JsonSchema[], name: string, span: JqSpan): void {
    const keys = [...new Set(branches.flatMap((branch) => Object.keys(properties(branch) ?? {})))];
    const where =
      shape.path === ''
        ? `\`${this.input.command}\` prints \`${keyList(keys)}\``
        : `\`${shape.path}\` of what \`${this.input.command}\` prints is \`${keyList(keys)}\``;
    const deeper = this.findKey(shape.schema, name);
    // Nearest spelling, or the same letters in another order (`nmae` for `name`).
    const spelled = nearest(name, keys)[0] ?? keys.find((key) => key.length > 2 && sortedLetters(key) === sortedLetters(name));
    const fromRoot = shape.path === '' ? undefined : this.findKey(this.input.schema, name);
    const suggestion =
      deeper !== undefined ? `${shape.path}${deeper}` : spelled !== undefined ? `${shape.path}.${spelled}` : fromRoot;
    this.report(span, `\`.${name}\`: ${where}; ${suggestion ? `did you mean \`${suggestion}\`?` : `it has no \`${name}\`.`}`);
  }

  /** The shortest path below `schema` (at most three keys or elements deep) that ends in the key `name`. */
  private findKey(schema: JsonSchema, name: string): string | undefined {
    let level: { schema: JsonSchema; path: string }[] = [{ schema, path: '' }];
    const seen = new Set<JsonSchema>();
    for (let depth = 0; depth < 3 && level.length > 0; depth++) {
      const next: { schema: JsonSchema; path: string }[] = [];
      for (const { schema: current, path } of level) {
        for (const branch of this.alternatives(current)) {
          if (seen.has(branch)) continue;
          seen.add(branch);
          if (typeOf(branch) === 'array' && branch.items && typeof branch.items === 'object' && !Array.isArray(branch.items)) {
            next.push({ schema: branch.items as JsonSchema, path: `${path}[]` });
            continue;
          }
          for (const [key, value] of Object.entries(properties(branch) ?? {})) {
            if (key === name) return `${path}.${key}`;
            next.push({ schema: value, path: `${path}.${key}` });
          }
        }
      }
      level = next;
    }
    return undefined;
  }

  /** The schemas a value may match: `$ref`s resolved, `anyOf` / `oneOf` flattened (remembered per schema). */
  private alternatives(schema: JsonSchema): readonly JsonSchema[] {
    return alternatives(schema, this.input.references);
  }

  private report(span: JqSpan, message: string): void {
    const key = `${span.start}:${span.end}`;
    if (this.reported.has(key)) return;
    this.reported.add(key);
    this.findings.push({ span, message });
  }
}

function bindPattern(pattern: JqPattern, source: Shape, env: Map<string, Shape>, exact: boolean): void {
  if (pattern.type === 'var') {
    env.set(pattern.name, exact ? source : ANY);
    return;
  }
  // Destructured parts are not followed.
  const names = (inner: JqPattern): string[] =>
    inner.type === 'var'
      ? [inner.name]
      : inner.type === 'array'
        ? inner.items.flatMap(names)
        : inner.entries.flatMap((entry) => [...(entry.variable ? [entry.variable] : []), ...(entry.pattern ? names(entry.pattern) : [])]);
  for (const name of names(pattern)) env.set(name, ANY);
}

function union(shapes: Shape[]): Shape {
  const flat = shapes.flatMap((shape) => (shape.kind === 'union' ? shape.options : [shape])).filter((shape) => shape.kind !== 'none');
  if (flat.length === 0) return NONE;
  if (flat.some((shape) => shape.kind === 'any')) return ANY;
  return flat.length === 1 ? flat[0] : { kind: 'union', options: flat };
}

function typeOf(schema: JsonSchema): string | undefined {
  const { type } = schema;
  if (typeof type === 'string') return type;
  if (Array.isArray(type)) {
    const real = type.filter((item) => item !== 'null');
    return real.length === 1 ? (real[0] as string) : undefined;
  }
  if (schema.properties) return 'object';
  if (schema.items) return 'array';
  if (schema.enum || schema.const !== undefined) return 'scalar';
  return undefined;
}

function properties(schema: JsonSchema): Record<string, JsonSchema> | undefined {
  return schema.properties as Record<string, JsonSchema> | undefined;
}

function additional(schema: JsonSchema): unknown {
  return schema.additionalProperties;
}

function sortedLetters(word: string): string {
  return [...word.toLowerCase()].sort().join('');
}

/** `{batch}`, `{a, b, c, …}`. */
function keyList(keys: string[]): string {
  const shown = keys.slice(0, 6);
  return `{${shown.join(', ')}${keys.length > shown.length ? ', …' : ''}}`;
}
