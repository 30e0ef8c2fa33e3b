// A parser for jq filters that keeps the source span of every node, so a rule can point at the one field of a
// filter that the answer lacks. The npm jq parsers and engines build trees without positions; this one follows
// jq 1.6/1.7's grammar (operator precedence, `as` bindings, `reduce`/`foreach`, `if`, `try`, `def`, object
// construction, string interpolation) and is held to the real `jq` by differential tests.
import { TextMemo } from '../core/strings.ts';

/** Offsets into the filter text, end exclusive. */
export interface JqSpan {
  start: number;
  end: number;
}

export type JqPattern =
  | { type: 'var'; name: string }
  | { type: 'array'; items: JqPattern[] }
  | { type: 'object'; entries: { key: string | JqNode | undefined; variable?: string; pattern?: JqPattern }[] };

export interface JqObjectEntry {
  /** A plain key (`{a: …}`, `{"a": …}`, shorthand `{a}`), or a computed one (`{(.k): …}`, `{"\(.k)": …}`). */
  key: string | JqNode;
  keySpan: JqSpan;
  /** Absent for the shorthand forms `{a}`, `{"a"}` and `{$a}` (the value is `.a`, or `$a`). */
  value?: JqNode;
  /** Shorthand `{$a}`: the key names a variable. */
  variable?: boolean;
}

export type JqNode = JqSpan &
  (
    | { type: 'identity' }
    | { type: 'recurse' }
    | { type: 'field'; target: JqNode; name: string; nameSpan: JqSpan }
    | { type: 'index'; target: JqNode; index: JqNode }
    | { type: 'slice'; target: JqNode; from?: JqNode; to?: JqNode }
    | { type: 'iterate'; target: JqNode }
    | { type: 'optional'; body: JqNode }
    | { type: 'literal'; value: number | boolean | null }
    | { type: 'string'; parts: (string | JqNode)[]; format?: string }
    | { type: 'format'; name: string }
    | { type: 'array'; body?: JqNode }
    | { type: 'object'; entries: JqObjectEntry[] }
    | { type: 'variable'; name: string }
    | { type: 'call'; name: string; args: JqNode[] }
    | { type: 'pipe'; left: JqNode; right: JqNode }
    | { type: 'comma'; left: JqNode; right: JqNode }
    | { type: 'alternative'; left: JqNode; right: JqNode }
    | { type: 'assign'; op: string; left: JqNode; right: JqNode }
    | { type: 'binary'; op: string; left: JqNode; right: JqNode }
    | { type: 'negate'; body: JqNode }
    | { type: 'bind'; source: JqNode; patterns: JqPattern[]; body: JqNode }
    | { type: 'reduce'; source: JqNode; pattern: JqPattern; init: JqNode; update: JqNode }
    | { type: 'foreach'; source: JqNode; pattern: JqPattern; init: JqNode; update: JqNode; extract?: JqNode }
    | { type: 'if'; branches: { cond: JqNode; then: JqNode }[]; otherwise?: JqNode }
    | { type: 'try'; body: JqNode; handler?: JqNode }
    | { type: 'label'; name: string; body: JqNode }
    | { type: 'break'; name: string }
    | { type: 'def'; name: string; params: string[]; body: JqNode; rest: JqNode }
  );

export class JqSyntaxError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

type Token =
  | { kind: 'field'; name: string; start: number; end: number }
  | { kind: 'ident'; name: string; start: number; end: number }
  | { kind: 'var'; name: string; start: number; end: number }
  | { kind: 'number'; value: number; start: number; end: number }
  | { kind: 'format'; name: string; start: number; end: number }
  | { kind: 'string'; parts: (string | JqNode)[]; start: number; end: number }
  | { kind: 'op'; op: string; start: number; end: number }
  | { kind: 'eof'; start: number; end: number };

const KEYWORDS = new Set([
  'def', 'as', 'if', 'then', 'elif', 'else', 'end', 'and', 'or', 'reduce', 'foreach', 'try', 'catch', 'label', 'import', 'include', '__loc__',
]);
// Longest first, so `?//` wins over `?` and `//=` over `//`.
const OPERATORS = [
  '?//', '//=', '|=', '+=', '-=', '*=', '/=', '%=', '==', '!=', '<=', '>=', '//', '..',
  '|', ',', '=', '<', '>', '+', '-', '*', '/', '%', '(', ')', '[', ']', '{', '}', ':', ';', '?', '.',
];
const IDENT = /[a-zA-Z_][a-zA-Z_0-9]*(?:::[a-zA-Z_][a-zA-Z_0-9]*)*/y;
const FIELD_NAME = /[a-zA-Z_][a-zA-Z_0-9]*/y;
const NUMBER = /(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?/y;

/** Binary operators from loosest to tightest; `nonassoc` ones may not chain. */
const LEVELS: { ops: string[]; assoc: 'left' | 'right' | 'nonassoc'; type: 'comma' | 'alternative' | 'assign' | 'binary' }[] = [
  { ops: [','], assoc: 'left', type: 'comma' },
  { ops: ['//'], assoc: 'right', type: 'alternative' },
  { ops: ['=', '|=', '+=', '-=', '*=', '/=', '%=', '//='], assoc: 'nonassoc', type: 'assign' },
  { ops: ['or'], assoc: 'left', type: 'binary' },
  { ops: ['and'], assoc: 'left', type: 'binary' },
  { ops: ['==', '!=', '<', '<=', '>', '>='], assoc: 'nonassoc', type: 'binary' },
  { ops: ['+', '-'], assoc: 'left', type: 'binary' },
  { ops: ['*', '/', '%'], assoc: 'left', type: 'binary' },
];

/** Filters read so far, and what each gave: pages pipe into the same few filters (`jq .`, `jq -r '.uuid'`) again and again. */
const parsedFilters = new TextMemo<JqNode | JqSyntaxError>();

/**
 * Parses a jq filter; throws JqSyntaxError with the offset of the first token it cannot read. The tree is
 * shared between callers that parse the same text, so it must not be changed.
 */
export function parseJq(text: string): JqNode {
  let parsed = parsedFilters.get(text);
  if (parsed === undefined) {
    try {
      parsed = parseJqOnce(text);
    } catch (error) {
      if (!(error instanceof JqSyntaxError)) throw error;
      parsed = error;
    }
    parsedFilters.set(text, parsed);
  }
  if (parsed instanceof JqSyntaxError) throw parsed;
  return parsed;
}

function parseJqOnce(text: string): JqNode {
  const parser = new JqParser(text, 0, text.length);
  // jq runs an empty program (blanks and comments only) as `.`.
  if (parser.atEnd()) return { type: 'identity', start: 0, end: 0 };
  const node = parser.pipe();
  parser.expectEnd();
  return node;
}

class JqParser {
  private token: Token;
  private i: number;

  constructor(
    private readonly text: string,
    start: number,
    private readonly limit: number,
  ) {
    this.i = start;
    this.token = this.lex();
  }

  atEnd(): boolean {
    return this.token.kind === 'eof';
  }

  expectEnd(): void {
    if (this.token.kind !== 'eof') this.fail(`unexpected ${this.describe()}`);
  }

  private fail(message: string, offset = this.token.start): never {
    throw new JqSyntaxError(message, offset);
  }

  private describe(): string {
    return this.token.kind === 'eof' ? 'end of filter' : `\`${this.text.slice(this.token.start, this.token.end)}\``;
  }

  private isOp(op: string): boolean {
    return this.token.kind === 'op' && this.token.op === op;
  }

  private isWord(word: string): boolean {
    return this.token.kind === 'ident' && this.token.name === word;
  }

  private next(): Token {
    const current = this.token;
    this.token = this.lex();
    return current;
  }

  private expectOp(op: string): Token {
    if (!this.isOp(op)) this.fail(`expected \`${op}\`, found ${this.describe()}`);
    return this.next();
  }

  private expectWord(word: string): Token {
    if (!this.isWord(word)) this.fail(`expected \`${word}\`, found ${this.describe()}`);
    return this.next();
  }

  private isVariable(): boolean {
    return this.token.kind === 'var';
  }

  private expectVariable(): Token & { kind: 'var' } {
    if (this.token.kind !== 'var') this.fail(`expected a \`$name\`, found ${this.describe()}`);
    return this.next() as Token & { kind: 'var' };
  }

  // ---- lexer

  private skipBlanks(): void {
    const { text } = this;
    while (this.i < this.limit) {
      const char = text[this.i];
      if (char === ' ' || char === '\t' || char === '\n' || char === '\r') this.i++;
      else if (char === '#') {
        while (this.i < this.limit && text[this.i] !== '\n') this.i++;
      } else break;
    }
  }

  private lex(): Token {
    this.skipBlanks();
    const { text } = this;
    const start = this.i;
    if (start >= this.limit) return { kind: 'eof', start, end: start };
    const char = text[start];
    if (char === '"') return this.lexString(start);
    if (char === '.') {
      FIELD_NAME.lastIndex = start + 1;
      const field = FIELD_NAME.exec(text);
      if (field && start + 1 + field[0].length <= this.limit) {
        this.i = start + 1 + field[0].length;
        return { kind: 'field', name: field[0], start, end: this.i };
      }
    }
    NUMBER.lastIndex = start;
    const number = /[0-9.]/.test(char) ? NUMBER.exec(text) : null;
    if (number && start + number[0].length <= this.limit) {
      this.i = start + number[0].length;
      return { kind: 'number', value: Number(number[0]), start, end: this.i };
    }
    if (char === '$' || char === '@') {
      IDENT.lastIndex = start + 1;
      const name = IDENT.exec(text);
      if (!name) this.fail(`expected a name after \`${char}\``, start);
      this.i = start + 1 + name[0].length;
      return char === '$' ? { kind: 'var', name: name[0], start, end: this.i } : { kind: 'format', name: name[0], start, end: this.i };
    }
    IDENT.lastIndex = start;
    const ident = IDENT.exec(text);
    if (ident) {
      this.i = start + ident[0].length;
      return { kind: 'ident', name: ident[0], start, end: this.i };
    }
    for (const op of OPERATORS) {
      if (text.startsWith(op, start) && start + op.length <= this.limit) {
        this.i = start + op.length;
        return { kind: 'op', op, start, end: this.i };
      }
    }
    return this.fail(`unexpected character \`${char}\``, start);
  }

  /** A string literal with its escapes decoded and each `\(…)` parsed in place. */
  private lexString(start: number): Token {
    const { text } = this;
    const parts: (string | JqNode)[] = [];
    let literal = '';
    let i = start + 1;
    for (;;) {
      if (i >= this.limit) this.fail('unterminated string', start);
      const char = text[i];
      if (char === '"') break;
      if (char !== '\\') {
        literal += char;
        i++;
        continue;
      }
      const escape = text[i + 1];
      if (escape === '(') {
        if (literal) parts.push(literal);
        literal = '';
        const inner = new JqParser(text, i + 2, this.limit);
        parts.push(inner.pipe());
        if (!inner.isOp(')')) inner.fail(`expected \`)\` to close the interpolation, found ${inner.describe()}`);
        i = inner.token.end;
        continue;
      }
      const simple: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
      if (escape in simple) {
        literal += simple[escape];
        i += 2;
      } else if (escape === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) {
        literal += String.fromCharCode(parseInt(text.slice(i + 2, i + 6), 16));
        i += 6;
      } else {
        this.fail(`invalid escape \`\\${escape ?? ''}\``, i);
      }
    }
    if (literal || parts.length === 0) parts.push(literal);
    this.i = i + 1;
    return { kind: 'string', parts, start, end: this.i };
  }

  // ---- grammar

  /** Pipe: the loosest level, where `def`, `as` bindings and `label` open. */
  pipe(): JqNode {
    if (this.isWord('def')) return this.definition();
    const left = this.binary(0);
    if (this.isOp('|')) {
      this.next();
      const right = this.pipe();
      return { type: 'pipe', left, right, start: left.start, end: right.end };
    }
    return left;
  }

  private definition(): JqNode {
    const start = this.next().start;
    if (this.token.kind !== 'ident' || KEYWORDS.has(this.token.name)) this.fail(`expected a function name, found ${this.describe()}`);
    const name = (this.next() as Token & { kind: 'ident' }).name;
    const params: string[] = [];
    if (this.isOp('(')) {
      this.next();
      for (;;) {
        const param = this.next();
        if (param.kind === 'var') params.push(`$${param.name}`);
        else if (param.kind === 'ident' && !KEYWORDS.has(param.name)) params.push(param.name);
        else this.fail('expected a parameter name', param.start);
        if (this.isOp(';')) this.next();
        else break;
      }
      this.expectOp(')');
    }
    this.expectOp(':');
    const body = this.pipe();
    this.expectOp(';');
    const rest = this.pipe();
    return { type: 'def', name, params, body, rest, start, end: rest.end };
  }

  private pattern(): JqPattern {
    if (this.token.kind === 'var') return { type: 'var', name: this.expectVariable().name };
    if (this.isOp('[')) {
      this.next();
      const items = [this.pattern()];
      while (this.isOp(',')) {
        this.next();
        items.push(this.pattern());
      }
      this.expectOp(']');
      return { type: 'array', items };
    }
    if (this.isOp('{')) {
      this.next();
      const entries: { key: string | JqNode | undefined; variable?: string; pattern?: JqPattern }[] = [];
      for (;;) {
        if (this.isVariable()) {
          const variable = this.expectVariable();
          const entry: { key: string | JqNode | undefined; variable?: string; pattern?: JqPattern } = { key: variable.name, variable: variable.name };
          if (this.isOp(':')) {
            this.next();
            entry.pattern = this.pattern();
          }
          entries.push(entry);
        } else {
          let key: string | JqNode;
          if (this.token.kind === 'ident') key = (this.next() as Token & { kind: 'ident' }).name;
          else if (this.token.kind === 'string') key = this.stringNode(this.next() as Token & { kind: 'string' });
          else if (this.isOp('(')) {
            this.next();
            key = this.pipe();
            this.expectOp(')');
          } else this.fail(`expected an object pattern key, found ${this.describe()}`);
          this.expectOp(':');
          entries.push({ key, pattern: this.pattern() });
        }
        if (this.isOp(',')) this.next();
        else break;
      }
      this.expectOp('}');
      return { type: 'object', entries };
    }
    return this.fail(`expected a \`$name\`, \`[\` or \`{\` pattern, found ${this.describe()}`);
  }

  private binary(level: number): JqNode {
    if (level >= LEVELS.length) return this.unary();
    const { ops, assoc, type } = LEVELS[level];
    const current = () => (this.token.kind === 'op' || this.token.kind === 'ident' ? (this.token.kind === 'op' ? this.token.op : this.token.name) : undefined);
    let left = this.binary(level + 1);
    for (;;) {
      const op = current();
      if (op === undefined || !ops.includes(op)) return left;
      this.next();
      const right = assoc === 'right' ? this.binary(level) : this.binary(level + 1);
      left = { type, op, left, right, start: left.start, end: right.end } as JqNode;
      if (assoc === 'nonassoc') {
        const following = current();
        if (following !== undefined && ops.includes(following)) this.fail(`\`${following}\` does not chain`);
        return left;
      }
      if (assoc === 'right') return left;
    }
  }

  private unary(): JqNode {
    if (this.isOp('-')) {
      const start = this.next().start;
      const body = this.unary();
      return { type: 'negate', body, start, end: body.end };
    }
    return this.postfix();
  }

  /** A term with its suffixes: `.a`, `[e]`, `[]`, `[a:b]`, `?`, `."a"`, `.[e]`. */
  private postfix(allowBinding = true): JqNode {
    let node = this.term();
    for (;;) {
      if (this.token.kind === 'field') {
        const field = this.next() as Token & { kind: 'field' };
        node = { type: 'field', target: node, name: field.name, nameSpan: { start: field.start, end: field.end }, start: node.start, end: field.end };
      } else if (this.isOp('.') && this.peekString()) {
        const dot = this.next().start;
        const key = this.next() as Token & { kind: 'string' };
        node = this.stringField(node, key, dot);
      } else if (this.isOp('.') && this.peekChar() === '[') {
        this.next();
        node = this.bracket(node);
      } else if (this.isOp('[')) {
        node = this.bracket(node);
      } else if (this.isOp('?')) {
        const end = this.next().end;
        node = { type: 'optional', body: node, start: node.start, end };
      } else if (allowBinding && this.isWord('as')) {
        // `Term as $x | body`: the body runs to the end of the enclosing pipe.
        this.next();
        const patterns = [this.pattern()];
        while (this.isOp('?//')) {
          this.next();
          patterns.push(this.pattern());
        }
        this.expectOp('|');
        const body = this.pipe();
        return { type: 'bind', source: node, patterns, body, start: node.start, end: body.end };
      } else {
        return node;
      }
    }
  }

  private peekChar(): string {
    return this.text[this.token.end] ?? '';
  }

  private peekString(): boolean {
    return this.peekChar() === '"';
  }

  /** `."a"` (or `."\(x)"`): a field named by a string. */
  private stringField(target: JqNode, key: Token & { kind: 'string' }, dot: number): JqNode {
    const span = { start: dot, end: key.end };
    if (key.parts.length === 1 && typeof key.parts[0] === 'string') {
      return { type: 'field', target, name: key.parts[0], nameSpan: span, start: target.start, end: key.end };
    }
    return { type: 'index', target, index: this.stringNode(key), start: target.start, end: key.end };
  }

  /** `[e]`, `[]`, `[a:b]` after `target`. */
  private bracket(target: JqNode): JqNode {
    this.expectOp('[');
    if (this.isOp(']')) {
      const end = this.next().end;
      return { type: 'iterate', target, start: target.start, end };
    }
    if (this.isOp(':')) {
      this.next();
      const to = this.pipe();
      const end = this.expectOp(']').end;
      return { type: 'slice', target, to, start: target.start, end };
    }
    const index = this.pipe();
    if (this.isOp(':')) {
      this.next();
      const to = this.isOp(']') ? undefined : this.pipe();
      const end = this.expectOp(']').end;
      return { type: 'slice', target, from: index, ...(to ? { to } : {}), start: target.start, end };
    }
    const end = this.expectOp(']').end;
    if (index.type === 'string' && index.parts.length === 1 && typeof index.parts[0] === 'string' && !index.format) {
      return { type: 'field', target, name: index.parts[0], nameSpan: { start: index.start, end: index.end }, start: target.start, end };
    }
    return { type: 'index', target, index, start: target.start, end };
  }

  private stringNode(token: Token & { kind: 'string' }, format?: string): JqNode {
    return { type: 'string', parts: token.parts, ...(format ? { format } : {}), start: token.start, end: token.end };
  }

  private term(): JqNode {
    const token = this.token;
    const start = token.start;
    switch (token.kind) {
      case 'field': {
        this.next();
        const identity: JqNode = { type: 'identity', start, end: start };
        return { type: 'field', target: identity, name: token.name, nameSpan: { start, end: token.end }, start, end: token.end };
      }
      case 'number':
        this.next();
        return { type: 'literal', value: token.value, start, end: token.end };
      case 'string':
        this.next();
        return this.stringNode(token);
      case 'format': {
        this.next();
        if (this.token.kind === 'string') {
          const string = this.next() as Token & { kind: 'string' };
          return { ...this.stringNode(string, token.name), start };
        }
        return { type: 'format', name: token.name, start, end: token.end };
      }
      case 'var':
        this.next();
        return { type: 'variable', name: token.name, start, end: token.end };
      case 'ident':
        return this.wordTerm(token);
      case 'op':
        return this.operatorTerm(token);
      default:
        return this.fail(`expected a filter, found ${this.describe()}`);
    }
  }

  private operatorTerm(token: Token & { kind: 'op' }): JqNode {
    const start = token.start;
    switch (token.op) {
      case '.': {
        this.next();
        const identity: JqNode = { type: 'identity', start, end: token.end };
        if (this.token.kind === 'string') {
          const key = this.next() as Token & { kind: 'string' };
          return this.stringField({ ...identity, end: start }, key, start);
        }
        return identity;
      }
      case '..':
        this.next();
        return { type: 'recurse', start, end: token.end };
      case '(': {
        this.next();
        const body = this.pipe();
        const end = this.expectOp(')').end;
        return { ...body, start, end } as JqNode;
      }
      case '[': {
        this.next();
        if (this.isOp(']')) return { type: 'array', start, end: this.next().end };
        const body = this.pipe();
        const end = this.expectOp(']').end;
        return { type: 'array', body, start, end };
      }
      case '{':
        return this.object();
      default:
        return this.fail(`expected a filter, found ${this.describe()}`);
    }
  }

  private wordTerm(token: Token & { kind: 'ident' }): JqNode {
    const start = token.start;
    switch (token.name) {
      case 'true':
      case 'false':
      case 'null':
        this.next();
        return { type: 'literal', value: token.name === 'null' ? null : token.name === 'true', start, end: token.end };
      case 'if':
        return this.conditional();
      case 'try': {
        this.next();
        const body = this.postfix();
        if (this.isWord('catch')) {
          this.next();
          const handler = this.postfix();
          return { type: 'try', body, handler, start, end: handler.end };
        }
        return { type: 'try', body, start, end: body.end };
      }
      case 'reduce':
      case 'foreach': {
        this.next();
        const source = this.postfix(false);
        this.expectWord('as');
        const pattern = this.pattern();
        this.expectOp('(');
        const init = this.pipe();
        this.expectOp(';');
        const update = this.pipe();
        let extract: JqNode | undefined;
        if (token.name === 'foreach' && this.isOp(';')) {
          this.next();
          extract = this.pipe();
        }
        const end = this.expectOp(')').end;
        if (token.name === 'reduce') return { type: 'reduce', source, pattern, init, update, start, end };
        return { type: 'foreach', source, pattern, init, update, ...(extract ? { extract } : {}), start, end };
      }
      case 'break': {
        this.next();
        const name = this.expectVariable();
        return { type: 'break', name: name.name, start, end: name.end };
      }
      case 'def':
        return this.definition();
      case 'label': {
        // `label $name | body`: the body runs to the end of the enclosing pipe.
        this.next();
        const name = this.expectVariable().name;
        this.expectOp('|');
        const body = this.pipe();
        return { type: 'label', name, body, start, end: body.end };
      }
      default: {
        if (KEYWORDS.has(token.name)) return this.fail(`unexpected keyword \`${token.name}\``);
        this.next();
        const args: JqNode[] = [];
        let end = token.end;
        if (this.isOp('(') && this.token.start >= token.end) {
          this.next();
          for (;;) {
            args.push(this.pipe());
            if (this.isOp(';')) this.next();
            else break;
          }
          end = this.expectOp(')').end;
        }
        return { type: 'call', name: token.name, args, start, end };
      }
    }
  }

  private conditional(): JqNode {
    const start = this.next().start;
    const branches: { cond: JqNode; then: JqNode }[] = [];
    let otherwise: JqNode | undefined;
    for (;;) {
      const cond = this.pipe();
      this.expectWord('then');
      branches.push({ cond, then: this.pipe() });
      if (this.isWord('elif')) {
        this.next();
        continue;
      }
      if (this.isWord('else')) {
        this.next();
        otherwise = this.pipe();
      }
      break;
    }
    const end = this.expectWord('end').end;
    return { type: 'if', branches, ...(otherwise ? { otherwise } : {}), start, end };
  }

  /** `{a, "b", $c, @d, a: v, "b": v, (k): v, "\(k)": v}`; a value is a term or a pipe of terms (no commas). */
  private object(): JqNode {
    const start = this.expectOp('{').start;
    const entries: JqObjectEntry[] = [];
    while (!this.isOp('}')) {
      const token = this.token;
      const keySpan = { start: token.start, end: token.end };
      let entry: JqObjectEntry;
      if (token.kind === 'var') {
        this.next();
        entry = { key: token.name, keySpan, variable: true };
      } else if (token.kind === 'ident') {
        this.next();
        entry = { key: token.name, keySpan };
      } else if (token.kind === 'string') {
        this.next();
        const plain = token.parts.length === 1 && typeof token.parts[0] === 'string';
        entry = { key: plain ? (token.parts[0] as string) : this.stringNode(token), keySpan };
      } else if (token.kind === 'format') {
        this.next();
        entry = { key: { type: 'format', name: token.name, ...keySpan }, keySpan };
      } else if (token.kind === 'number') {
        this.next();
        entry = { key: String(token.value), keySpan };
      } else if (this.isOp('(')) {
        this.next();
        const key = this.pipe();
        keySpan.end = this.expectOp(')').end;
        entry = { key, keySpan };
      } else {
        return this.fail(`expected an object key, found ${this.describe()}`);
      }
      if (this.isOp(':')) {
        this.next();
        entry.value = this.objectValue();
      } else if (typeof entry.key !== 'string' && entry.key.type !== 'string') {
        this.fail(`expected \`:\` after a computed key, found ${this.describe()}`);
      }
      entries.push(entry);
      if (this.isOp(',')) this.next();
      else break;
    }
    const end = this.expectOp('}').end;
    return { type: 'object', entries, start, end };
  }

  private objectValue(): JqNode {
    let left: JqNode;
    if (this.isOp('-')) {
      const start = this.next().start;
      const body = this.objectValue();
      return { type: 'negate', body, start, end: body.end };
    }
    left = this.postfix();
    while (this.isOp('|')) {
      this.next();
      const right = this.postfix();
      left = { type: 'pipe', left, right, start: left.start, end: right.end };
    }
    return left;
  }
}
