// The JSON dialects fences are tagged with: `json` is documentation JSON (doc-json.ts: placeholders and
// elisions); `jsonc` (comments, trailing commas) and `json5` are read in their own dialect, with the same bare
// `<placeholder>` values. Also tells why a `json` block that is not documentation JSON still reads as some
// other kind of documentation (comments, a fragment, several values).
import JSON5 from 'json5';
import { type ParseError, parse, printParseErrorCode } from 'jsonc-parser';
import { BARE_PLACEHOLDER, type DocJsonValue, parseDocJsonValue, strictJson } from './doc-json.ts';

export type LooseJson = DocJsonValue;

export type JsonDialect = 'json' | 'jsonc' | 'json5';

export function parseLooseJson(text: string, dialect: JsonDialect = 'json'): LooseJson {
  if (dialect === 'json') return parseDocJsonValue(text);
  const { quoted, insertions } = quotePlaceholders(text);
  if (dialect === 'json5') return parseJson5(quoted, insertions);
  // Valid JSON, the usual case, parses natively (a key named `__proto__` stays data); the tolerant parser
  // is only needed to say where an error is.
  const strict = strictJson(quoted);
  if (strict) return { ok: true, value: strict.value };
  const errors: ParseError[] = [];
  const lenient = dialect === 'jsonc';
  const value = parse(quoted, errors, { disallowComments: !lenient, allowTrailingComma: lenient, allowEmptyContent: false });
  if (errors.length === 0) return { ok: true, value };
  const first = errors[0];
  return {
    ok: false,
    offset: offsetBack(first.offset, insertions),
    length: Math.max(1, first.length),
    message: describe(printParseErrorCode(first.error)),
  };
}

/** An offset in the quoted text mapped back to the text as written. */
function offsetBack(offset: number, insertions: number[]): number {
  return offset - insertions.filter((at, index) => at + index < offset).length;
}

function parseJson5(quoted: string, insertions: number[]): LooseJson {
  try {
    return { ok: true, value: JSON5.parse(quoted) };
  } catch (error) {
    const { lineNumber, columnNumber, message } = error as { lineNumber?: number; columnNumber?: number; message: string };
    let offset = 0;
    for (let line = 1; line < (lineNumber ?? 1); line++) offset = quoted.indexOf('\n', offset) + 1;
    return { ok: false, offset: offsetBack(offset + (columnNumber ?? 1) - 1, insertions), length: 1, message: message.replace(/^JSON5: /, '').replace(/ at \d+:\d+$/, '') };
  }
}

/**
 * Why a `json` block that is not strict JSON is still documentation, or undefined when it is simply broken:
 * it has comments or trailing commas (it reads as JSONC), elides values with `...`, or is a fragment (members
 * or elements without the braces around them).
 */
export function documentationJson(text: string): 'comments' | 'elision' | 'fragment' | 'sequence' | undefined {
  if (parseLooseJson(text, 'jsonc').ok) return 'comments';
  const elided = withoutElisions(text);
  if (elided !== text && parseLooseJson(elided, 'jsonc').ok) return 'elision';
  for (const [open, close] of [['{', '}'], ['[', ']']]) {
    if (parseLooseJson(`${open}\n${elided}\n${close}`, 'jsonc').ok) return 'fragment';
  }
  const values = topLevelValues(elided);
  if (values.length > 1 && values.every((value) => parseLooseJson(value, 'jsonc').ok)) return 'sequence';
  // Alternatives, one per line: `"ttl": "5m"  // default` then `"ttl": "1h"`.
  const lines = elided.split('\n').filter((line) => line.trim() !== '' && !line.trim().startsWith('//'));
  if (lines.length > 1 && lines.every((line) => parseLooseJson(`{\n${line}\n}`, 'jsonc').ok || parseLooseJson(line, 'jsonc').ok)) return 'sequence';
  return undefined;
}

/**
 * The text cut after each top-level object or array closes (JSON Lines, or several files' contents one after
 * the other): strings and `//` comments are skipped, so their brackets do not count.
 */
function topLevelValues(text: string): string[] {
  const values: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === '"') {
      for (i++; i < text.length && text[i] !== '"' && text[i] !== '\n'; i++) if (text[i] === '\\') i++;
    } else if (char === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i++;
    } else if (char === '{' || char === '[') {
      depth++;
    } else if ((char === '}' || char === ']') && --depth === 0) {
      values.push(text.slice(start, i + 1));
      start = i + 1;
    }
  }
  if (text.slice(start).trim() !== '') values.push(text.slice(start));
  return values;
}

/**
 * A copy of `text` with JSON strings kept as written; outside them, `replace` may take over at an offset: it
 * gives how many characters it consumes there and what to write instead, or undefined to copy the character.
 */
function rewriteOutsideStrings(text: string, replace: (at: number, copied: string) => { length: number; text: string } | undefined): string {
  let result = '';
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (inString) {
      if (char === '\\') {
        result += char + (text[i + 1] ?? '');
        i++;
        continue;
      }
      if (char === '"') inString = false;
      result += char;
      continue;
    }
    if (char === '"') inString = true;
    const replaced = replace(i, result);
    if (!replaced) {
      result += char;
      continue;
    }
    result += replaced.text;
    i += replaced.length - 1;
  }
  return result;
}

/** The text with each `...` or `\u2026` outside strings removed, with the comma that separates it from its neighbours. */
function withoutElisions(text: string): string {
  return rewriteOutsideStrings(text, (at, copied) => {
    // `...` alone, or spreading a name (`...history`), as JavaScript writes it.
    const elision = text.startsWith('...', at) ? 3 + (/^[\w$.]*/.exec(text.slice(at + 3))?.[0].length ?? 0) : text[at] === '\u2026' ? 1 : 0;
    if (elision === 0) return undefined;
    // `[..., 3]` and `{ ..., "a": 1 }`: the comma after a leading elision goes too.
    const comma = /[[{,]\s*$/.test(copied) ? (/^\s*,/.exec(text.slice(at + elision))?.[0].length ?? 0) : 0;
    return { length: elision + comma, text: '' };
  });
}

/** Quotes bare placeholders outside strings, and says where each quote went, to map error offsets back. */
function quotePlaceholders(text: string): { quoted: string; insertions: number[] } {
  const insertions: number[] = [];
  if (!text.includes('<')) return { quoted: text, insertions };
  const quoted = rewriteOutsideStrings(text, (at) => {
    if (text[at] !== '<') return undefined;
    BARE_PLACEHOLDER.lastIndex = at;
    const match = BARE_PLACEHOLDER.exec(text);
    if (!match) return undefined;
    insertions.push(at, at + match[0].length);
    return { length: match[0].length, text: `"${match[0]}"` };
  });
  return { quoted, insertions };
}

function describe(code: string): string {
  const words = code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return words.replace(/^invalid symbol$/, 'unexpected character');
}
