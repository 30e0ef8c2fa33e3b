// A fast reader for the frontmatter skills are written with: `key: value` lines, and `key:` blocks of such
// lines indented by two spaces, whose values are plain text or quoted without escapes. Anything else (lists,
// numbers, booleans, comments, blank lines, escapes, multi-line values, duplicate keys...) is a fallback with
// its reason, and the caller asks the yaml library, which differential tests hold this reader to.
import { type FastRead, outside, readFast } from './fast-read.ts';

/** Where one key and its value sit in the frontmatter text, by path (`metadata.version`). */
export interface KeyPlace {
  path: string;
  key: [number, number];
  value: [number, number];
}

export interface SimpleFrontmatter {
  value: Record<string, unknown>;
  /** In document order: each top-level key, then the keys of its block. */
  places: KeyPlace[];
}

const LINE = /^([A-Za-z_][A-Za-z0-9_-]*):(?: (.*))?$/;
/** Keys a plain object cannot hold as data. */
const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
/** Plain words YAML reads as something else than text (core schema: booleans and null). */
const NOT_TEXT = new Set(['true', 'True', 'TRUE', 'false', 'False', 'FALSE', 'null', 'Null', 'NULL']);
/** Printable characters of the Basic Multilingual Plane, tab excluded. */
const PRINTABLE = /^[\x20-\x7e\u00a0-\ud7ff\ue000-\ufffd]*$/;
const NESTED_INDENT = '  ';

/** The mapping `raw` holds, with every key's place, or why it is not plain enough for this reader. */
export function readSimpleFrontmatter(raw: string): FastRead<SimpleFrontmatter> {
  return readFast(() => readMapping(raw));
}

function readMapping(raw: string): SimpleFrontmatter {
  // The block runs to the line of its closing fence, so it ends with a line break unless it is empty.
  if (!raw.endsWith('\n')) outside('an empty block');
  if (!PRINTABLE.test(raw.replaceAll('\n', ''))) outside('a tab, a control character or one beyond the Basic Multilingual Plane');
  const lines = raw.slice(0, -1).split('\n');
  const value: Record<string, unknown> = {};
  const places: KeyPlace[] = [];
  let offset = 0;
  for (let index = 0; index < lines.length; ) {
    const { key, text } = keyLine(lines[index], value);
    const keyPlace: [number, number] = [offset, offset + key.length];
    offset += lines[index].length + 1;
    index++;
    if (text !== undefined) {
      const scalar = readScalar(text);
      const start = keyPlace[1] + 2;
      value[key] = scalar;
      places.push({ path: key, key: keyPlace, value: [start, start + text.length] });
      continue;
    }
    // `key:` alone opens a block of `  key: value` lines.
    const block: Record<string, unknown> = {};
    const blockPlaces: KeyPlace[] = [];
    const blockStart = offset + NESTED_INDENT.length;
    while (index < lines.length && lines[index].startsWith(NESTED_INDENT)) {
      const nested = keyLine(lines[index].slice(NESTED_INDENT.length), block);
      if (nested.text === undefined) outside('a block nested more than one level');
      const scalar = readScalar(nested.text);
      const keyStart = offset + NESTED_INDENT.length;
      const valueStart = keyStart + nested.key.length + 2;
      block[nested.key] = scalar;
      blockPlaces.push({ path: `${key}.${nested.key}`, key: [keyStart, keyStart + nested.key.length], value: [valueStart, valueStart + nested.text.length] });
      offset += lines[index].length + 1;
      index++;
    }
    if (blockPlaces.length === 0) outside('a key without a value or a two-space block');
    value[key] = block;
    // The block's span runs to the end of its last line, line break included, as the yaml library gives it.
    places.push({ path: key, key: keyPlace, value: [blockStart, offset] }, ...blockPlaces);
  }
  return { value, places };
}

/**
 * The key and text of a `key: value` line (no text after `key:` alone); outside the subset when the line is
 * not one, or its key is already in `taken`, reads as other than text in YAML, or cannot be held as data.
 */
function keyLine(line: string, taken: Record<string, unknown>): { key: string; text: string | undefined } {
  const parsed = LINE.exec(line);
  if (!parsed) outside('a line other than `key: value` or `key:`');
  const [, key, text] = parsed;
  if (Object.hasOwn(taken, key)) outside('a duplicate key');
  if (NOT_TEXT.has(key) || UNSAFE_KEYS.has(key)) outside('a key that is not plain text or cannot be held as data');
  return { key, text };
}

/** Text without escapes: quoted whole, or plain that YAML reads as text and that holds no `: ` or ` #`. */
function readScalar(text: string): string {
  const quote = text[0];
  if (quote === '"' || quote === "'") {
    const inner = text.slice(1, -1);
    if (text.length < 2 || text.at(-1) !== quote || inner.includes(quote) || (quote === '"' && inner.includes('\\'))) outside('a quoted value with escapes, inner quotes or more after it');
    return inner;
  }
  if (!/^[A-Za-z]/.test(text)) outside('a value that does not start with a letter or a quote');
  if (NOT_TEXT.has(text)) outside('a boolean or null value');
  if (text.endsWith(' ') || text.endsWith(':') || text.includes(': ') || text.includes(' #')) outside('a plain value with a trailing space or colon, `: ` or ` #`');
  return text;
}
