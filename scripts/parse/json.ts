// Parses JSON as written in documentation: bare `<placeholder>` tokens stand for values.
import { type ParseError, parse, printParseErrorCode } from 'jsonc-parser';

export type LooseJson = { ok: true; value: unknown } | { ok: false; offset: number; length: number; message: string };

const BARE_PLACEHOLDER = /<[A-Za-z][\w.:/-]*>/y;

export function parseLooseJson(text: string): LooseJson {
  const { quoted, insertions } = quotePlaceholders(text);
  // Valid JSON, the usual case, parses natively (a key named `__proto__` stays data); the tolerant parser
  // is only needed to say where an error is.
  try {
    return { ok: true, value: JSON.parse(quoted) };
  } catch {
    // Located below.
  }
  const errors: ParseError[] = [];
  const value = parse(quoted, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  if (errors.length === 0) return { ok: true, value };
  const first = errors[0];
  const back = (offset: number) => offset - insertions.filter((at, index) => at + index < offset).length;
  return {
    ok: false,
    offset: back(first.offset),
    length: Math.max(1, first.length),
    message: describe(printParseErrorCode(first.error)),
  };
}

/** Quotes bare placeholders outside strings, and says where each quote went, to map error offsets back. */
function quotePlaceholders(text: string): { quoted: string; insertions: number[] } {
  const insertions: number[] = [];
  if (!text.includes('<')) return { quoted: text, insertions };
  let quoted = '';
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (inString) {
      if (char === '\\') {
        quoted += char + (text[i + 1] ?? '');
        i++;
        continue;
      }
      if (char === '"') inString = false;
      quoted += char;
      continue;
    }
    if (char === '"') inString = true;
    if (char === '<') {
      BARE_PLACEHOLDER.lastIndex = i;
      const match = BARE_PLACEHOLDER.exec(text);
      if (match) {
        insertions.push(i, i + match[0].length);
        quoted += `"${match[0]}"`;
        i += match[0].length - 1;
        continue;
      }
    }
    quoted += char;
  }
  return { quoted, insertions };
}

function describe(code: string): string {
  const words = code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return words.replace(/^invalid symbol$/, 'unexpected character');
}

/** Maps an offset inside a block's value to a document offset, line by line (blocks in lists are indented). */
export function offsetInBlock(value: string, lineOffsets: number[], offset: number): number {
  let line = 0;
  let lineStart = 0;
  for (let i = 0; i < offset && i < value.length; i++) {
    if (value[i] === '\n') {
      line++;
      lineStart = i + 1;
    }
  }
  return (lineOffsets[line] ?? lineOffsets[lineOffsets.length - 1] ?? 0) + (offset - lineStart);
}
