// The one parser of JSON as documentation writes it (fenced blocks, JSON flag values, action configs),
// keeping where every value sits so an error can point inside the word. Beyond strict JSON: a bare `<name>`
// stands for a value, and `...` (or `…`) elides: as an array element it stands for more elements, as an
// object member for more members (the object is then partial: its required keys are not enforced), and as a
// whole value for any value.

export interface Location {
  /** Offset of the value in the parsed text. */
  start: number;
  end: number;
  /** Offset of the member's key (object members only). */
  keyStart?: number;
}

export type DocJson =
  | {
      ok: true;
      value: unknown;
      /** JSON pointer → where the value is. */
      locations: Map<string, Location>;
      /** Pointers of objects and arrays with an elision. */
      partial: Set<string>;
    }
  | { ok: false; offset: number; message: string };

/** Value of a bare `...` written where a value goes: any value matches it. */
export const ELISION = '...';

class Failure extends Error {
  constructor(
    readonly offset: number,
    message: string,
  ) {
    super(message);
  }
}

/** Deeper documents are refused rather than risk the stack (no real payload comes close). */
const MAX_DEPTH = 256;
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
/** A bare `<name>` written where a value goes (sticky: matched at a given offset). */
export const BARE_PLACEHOLDER = /<[A-Za-z][^<>"{}[\],\n]*>/y;
const LITERALS: [string, unknown][] = [
  ['true', true],
  ['false', false],
  ['null', null],
];

export function parseDocJson(text: string): DocJson {
  const locations = new Map<string, Location>();
  const partial = new Set<string>();
  let at = 0;
  let depth = 0;

  const skip = () => {
    while (at < text.length && ' \t\n\r'.includes(text[at])) at++;
  };
  const elisionAt = (): number => {
    if (text.startsWith('...', at)) return 3;
    return text[at] === '…' ? 1 : 0;
  };
  const describe = (): string => (at >= text.length ? 'unexpected end of JSON' : `unexpected \`${text[at]}\``);

  const value = (pointer: string): unknown => {
    skip();
    const start = at;
    if (++depth > MAX_DEPTH) throw new Failure(at, 'JSON nested too deeply');
    const result = raw(pointer);
    depth--;
    const known = locations.get(pointer);
    locations.set(pointer, { ...known, start, end: at });
    return result;
  };

  const raw = (pointer: string): unknown => {
    const char = text[at];
    if (char === '{') return object(pointer);
    if (char === '[') return array(pointer);
    if (char === '"') return string();
    const elision = elisionAt();
    if (elision) {
      at += elision;
      return ELISION;
    }
    if (char === '<') {
      BARE_PLACEHOLDER.lastIndex = at;
      const match = BARE_PLACEHOLDER.exec(text);
      if (match) {
        at += match[0].length;
        return match[0];
      }
    }
    NUMBER.lastIndex = at;
    const number = NUMBER.exec(text);
    if (number) {
      at += number[0].length;
      return Number(number[0]);
    }
    for (const [word, literal] of LITERALS) {
      if (text.startsWith(word, at)) {
        at += word.length;
        return literal;
      }
    }
    throw new Failure(at, char === "'" ? 'strings need double quotes' : describe());
  };

  const string = (): string => {
    const start = at;
    at++;
    let out = '';
    while (at < text.length) {
      const char = text[at];
      if (char === '"') {
        at++;
        return out;
      }
      if (char === '\\') {
        const next = text[at + 1];
        const simple: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
        if (next in simple) {
          out += simple[next];
          at += 2;
          continue;
        }
        if (next === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(at + 2, at + 6))) {
          out += String.fromCharCode(parseInt(text.slice(at + 2, at + 6), 16));
          at += 6;
          continue;
        }
        throw new Failure(at, 'invalid escape in string');
      }
      if (char === '\n') throw new Failure(at, 'line break inside a string');
      if (char < ' ') throw new Failure(at, 'control character inside a string: write it as an escape');
      out += char;
      at++;
    }
    throw new Failure(start, 'string never closed');
  };

  const object = (pointer: string): Record<string, unknown> => {
    const out: Record<string, unknown> = {};
    at++;
    skip();
    if (text[at] === '}') {
      at++;
      return out;
    }
    for (;;) {
      skip();
      const elision = elisionAt();
      if (elision) {
        at += elision;
        partial.add(pointer);
      } else {
        if (text[at] !== '"') throw new Failure(at, text[at] === "'" ? 'keys need double quotes' : at >= text.length ? 'unexpected end of JSON' : 'expected a quoted key');
        const keyStart = at;
        const key = string();
        skip();
        if (text[at] !== ':') throw new Failure(at, `expected \`:\` after key "${key}"`);
        at++;
        const child = `${pointer}/${escapePointer(key)}`;
        locations.set(child, { start: at, end: at, keyStart });
        setOwn(out, key, value(child));
      }
      skip();
      if (text[at] === ',') {
        const comma = at++;
        skip();
        if (text[at] === '}') throw new Failure(comma, 'trailing comma');
        continue;
      }
      if (text[at] === '}') {
        at++;
        return out;
      }
      throw new Failure(at, at >= text.length ? 'object never closed' : 'expected `,` or `}`');
    }
  };

  const array = (pointer: string): unknown[] => {
    const out: unknown[] = [];
    at++;
    skip();
    if (text[at] === ']') {
      at++;
      return out;
    }
    for (;;) {
      skip();
      const elision = elisionAt();
      if (elision && /^\s*[,\]]/.test(text.slice(at + elision))) {
        at += elision;
        partial.add(pointer);
      } else {
        out.push(value(`${pointer}/${out.length}`));
      }
      skip();
      if (text[at] === ',') {
        const comma = at++;
        skip();
        if (text[at] === ']') throw new Failure(comma, 'trailing comma');
        continue;
      }
      if (text[at] === ']') {
        at++;
        return out;
      }
      throw new Failure(at, at >= text.length ? 'array never closed' : 'expected `,` or `]`');
    }
  };

  try {
    const result = value('');
    skip();
    if (at < text.length) throw new Failure(at, 'unexpected text after the JSON value');
    return { ok: true, value: result, locations, partial };
  } catch (error) {
    if (error instanceof Failure) return { ok: false, offset: Math.min(error.offset, text.length), message: error.message };
    throw error;
  }
}

/** Where each part of documentation JSON is written (by JSON pointer); none when it does not parse. */
export function jsonLocations(text: string): Map<string, Location> {
  const parsed = parseDocJson(text);
  return parsed.ok ? parsed.locations : new Map();
}

/** A parse whose value alone is wanted: the failure says where, and how much text to underline. */
export type DocJsonValue = { ok: true; value: unknown } | { ok: false; offset: number; length: number; message: string };

/**
 * The value of documentation JSON, without locations. Strict JSON, the usual case, goes to the native parser
 * (whatever JSON.parse accepts this parser accepts, with the same value); anything else, and every error, to
 * parseDocJson.
 */
export function parseDocJsonValue(text: string): DocJsonValue {
  const strict = strictJson(text);
  if (strict) return { ok: true, value: strict.value };
  const parsed = parseDocJson(text);
  if (parsed.ok) return { ok: true, value: parsed.value };
  return { ok: false, offset: parsed.offset, length: parsed.offset < text.length ? 1 : 0, message: parsed.message };
}

/** The value of `text` when it is strict JSON (which parseDocJson reads alike), by the native parser; else undefined. */
export function strictJson(text: string): { value: unknown } | undefined {
  try {
    return { value: JSON.parse(text) };
  } catch {
    return undefined;
  }
}

export function escapePointer(key: string): string {
  return key.replaceAll('~', '~0').replaceAll('/', '~1');
}

/** `/groups/0/conjunction` → `groups[0].conjunction`; the root is `(root)`. */
export function displayPath(pointer: string): string {
  if (pointer === '') return '(root)';
  let out = '';
  for (const part of pointer.slice(1).split('/')) {
    const key = part.replaceAll('~1', '/').replaceAll('~0', '~');
    if (/^\d+$/.test(key)) out += `[${key}]`;
    else out += /^[A-Za-z_$][\w$]*$/.test(key) ? `${out ? '.' : ''}${key}` : `[${JSON.stringify(key)}]`;
  }
  return out;
}

/** Sets `key` as data on `target`: assigning to `__proto__` would replace the object's prototype instead. */
function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}
