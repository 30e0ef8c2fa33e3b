// Runs the real shell parser (mvdan/sh, compiled to JS) over one piece of shell text and returns every
// simple command in it, wherever it sits (pipelines, `&&`, loops, functions, `$(...)`, backticks, heredocs),
// as words with offsets into that text.
import { createRequire } from 'node:module';
import path from 'node:path';
import { repoRoot } from '../core/paths.ts';
import { maskPlaceholders, unmaskPlaceholders } from './placeholders.ts';
import { unescapeAnsi, unescapeBare, unescapeDouble } from './shell-unescape.ts';
import { readSimpleShell } from './simple-shell.ts';
import { countRead, referenceParsersOnly } from './fast-read.ts';
import type { ShellCall, ShellError, ShellParse, ShellWord } from './shell-types.ts';

export type { ShellCall, ShellError, ShellParse, ShellWord } from './shell-types.ts';

// The parser's AST as GopherJS builds it. We read the Go structs directly (`__internal_object__`):
// the JS wrappers convert whole subtrees on every property read, which costs ~100 µs per access.
interface GoPos {
  offs: number;
}
interface GoSlice {
  $array: unknown[];
  $offset: number;
  $length: number;
}
interface GoNode {
  constructor: { string?: string };
  Pos(): GoPos;
  End(): GoPos;
  [field: string]: unknown;
}
interface GoParseError {
  Text?: string;
  Incomplete?: boolean;
  Pos?: { Offset(): number };
}
interface Parser {
  Parse(src: string, name: string): { __internal_object__: GoNode };
}

let parser: Parser | undefined;

// Loading the compiled parser takes a few hundred milliseconds: only pay for it when a document has a command.
function getParser(): Parser {
  if (!parser) {
    // Resolved from the repository, wherever this code runs from (the prebuilt bundle lives elsewhere).
    const require = createRequire(path.join(repoRoot, 'package.json'));
    const sh = require('mvdan-sh') as { syntax: { NewParser(): Parser } };
    parser = sh.syntax.NewParser();
  }
  return parser;
}

const cache = new Map<string, ShellParse>();
const CACHE_LIMIT = 5000;

/** Which parser reads the shell: the simple-command reader where it can (else mvdan/sh), or mvdan/sh alone. */
export type ShellReader = 'fast' | 'mvdan';

/**
 * Parses `text` as bash. Placeholders such as `<uuid>` are words, not redirections. When the text does not
 * parse, the statements before the faulty line and those after the next blank line are still returned.
 * Results are cached by text: skill repositories repeat the same examples often.
 */
export function parseShell(text: string, reader: ShellReader = referenceParsersOnly() ? 'mvdan' : 'fast'): ShellParse {
  const cached = reader === 'fast' ? cache.get(text) : undefined;
  if (cached) return cached;
  const masked = maskPlaceholders(text);
  const simple = reader === 'fast' ? readSimpleShell(masked) : undefined;
  if (simple) countRead('shell', simple);
  const result: ShellParse = { calls: simple && 'read' in simple ? simple.read : [], errors: [] };
  if (!simple || 'fallback' in simple) parseRange(masked, 0, masked.length, result);
  result.calls.sort((a, b) => a.words[0].start - b.words[0].start);
  if (reader !== 'fast') return result;
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
  cache.set(text, result);
  return result;
}

type Attempt = { ok: true; calls: ShellCall[] } | { ok: false; error: ShellError };

function parseRange(masked: string, from: number, to: number, result: ShellParse): void {
  const first = attempt(masked, from, to);
  if (first.ok) {
    result.calls.push(...first.calls);
    return;
  }
  result.errors.push(first.error);
  // Keep what comes before the line of the error: shrink to earlier line starts until it parses.
  let prefixEnd = lineStart(masked, first.error.offset);
  for (let tries = 0; prefixEnd > from && tries < 20; tries++) {
    const prefix = attempt(masked, from, prefixEnd);
    if (prefix.ok) {
      result.calls.push(...prefix.calls);
      break;
    }
    const next = lineStart(masked, prefix.error.offset);
    prefixEnd = next < prefixEnd ? next : lineStart(masked, prefixEnd - 1);
  }
  // Resume after the next blank line: examples are separated by blank lines far more often than not.
  const blank = /\n[ \t]*\n/g;
  blank.lastIndex = first.error.offset;
  const found = blank.exec(masked);
  if (found && found.index + found[0].length < to) parseRange(masked, found.index + found[0].length, to, result);
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

function attempt(masked: string, from: number, to: number): Attempt {
  const piece = masked.slice(from, to);
  let file: GoNode;
  try {
    file = getParser().Parse(piece, '').__internal_object__;
  } catch (thrown) {
    return { ok: false, error: toError(thrown, piece, from) };
  }
  const offsets = new OffsetMap(piece, from);
  const calls: ShellCall[] = [];
  walk(file, (node) => {
    if (node.constructor.string !== '*syntax.CallExpr') return;
    const args = items(node.Args);
    if (args.length > 0) calls.push({ words: args.map((word) => toWord(word as GoNode, masked, offsets)) });
  });
  return { ok: true, calls };
}

function toError(thrown: unknown, piece: string, from: number): ShellError {
  const error = thrown as GoParseError | null;
  if (error && typeof error.Text === 'string' && error.Pos) {
    return {
      offset: new OffsetMap(piece, from).toText(error.Pos.Offset()),
      message: unmaskPlaceholders(error.Text),
      incomplete: error.Incomplete === true,
    };
  }
  // Anything else is a failure inside the parser itself; start afresh rather than reuse its state.
  parser = undefined;
  return { offset: from, message: String((thrown as Error)?.message ?? thrown), incomplete: false };
}

/** Visits every syntax node below `node`, whatever its kind, so no construct can hide a command. */
function walk(node: GoNode, visit: (node: GoNode) => void): void {
  visit(node);
  for (const key of Object.keys(node)) {
    if (key === '$val' || key === 'Comments') continue;
    const child = node[key];
    if (child === null || typeof child !== 'object') continue;
    if ('$array' in child) {
      for (const item of items(child)) if (isNode(item)) walk(item, visit);
    } else if (isNode(child)) {
      walk(child, visit);
    }
  }
}

function isNode(value: unknown): value is GoNode {
  if (value === null || typeof value !== 'object') return false;
  const type = (value as GoNode).constructor?.string;
  return typeof type === 'string' && type.startsWith('*syntax.') && type !== '*syntax.Pos';
}

function items(slice: unknown): unknown[] {
  if (slice === null || typeof slice !== 'object' || !('$array' in slice)) return [];
  const { $array, $offset, $length } = slice as GoSlice;
  // The parser reuses backing arrays: only the window [offset, offset + length) belongs to this slice.
  return $array.slice($offset, $offset + $length);
}

function toWord(word: GoNode, masked: string, offsets: OffsetMap): ShellWord {
  const text = (start: GoPos, end: number) => masked.slice(offsets.toText(start.offs), offsets.toText(end));
  let value = '';
  let dynamic = false;
  for (const part of items(word.Parts) as GoNode[]) {
    switch (part.constructor.string) {
      case '*syntax.Lit':
        value += unescapeBare(text(part.ValuePos as GoPos, (part.ValueEnd as GoPos).offs));
        break;
      case '*syntax.SglQuoted': {
        const dollar = part.Dollar === true;
        const inner = masked.slice(offsets.toText((part.Left as GoPos).offs) + (dollar ? 2 : 1), offsets.toText((part.Right as GoPos).offs));
        value += dollar ? unescapeAnsi(inner) : inner;
        break;
      }
      case '*syntax.DblQuoted':
        for (const inner of items(part.Parts) as GoNode[]) {
          if (inner.constructor.string === '*syntax.Lit') {
            value += unescapeDouble(text(inner.ValuePos as GoPos, (inner.ValueEnd as GoPos).offs));
          } else {
            dynamic = true;
            value += text(inner.Pos(), inner.End().offs);
          }
        }
        break;
      default:
        // Parameter expansion, command substitution, arithmetic, process substitution, extended globs.
        dynamic = true;
        value += text(part.Pos(), part.End().offs);
    }
  }
  const start = offsets.toText(word.Pos().offs);
  const end = offsets.toText(word.End().offs);
  return {
    value: unmaskPlaceholders(value),
    raw: unmaskPlaceholders(masked.slice(start, end)),
    start,
    end,
    dynamic,
  };
}

/**
 * The parser counts UTF-8 bytes; our offsets count UTF-16 code units. For ASCII text they agree; otherwise
 * a byte → code-unit table is built once per parsed piece.
 */
class OffsetMap {
  private readonly table?: Int32Array;

  constructor(
    piece: string,
    private readonly base: number,
  ) {
    if (!/[^\x00-\x7f]/.test(piece)) return;
    const table: number[] = [];
    for (let unit = 0; unit < piece.length; ) {
      const code = piece.codePointAt(unit) as number;
      const bytes = code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
      for (let byte = 0; byte < bytes; byte++) table.push(unit);
      unit += code > 0xffff ? 2 : 1;
    }
    table.push(piece.length);
    this.table = Int32Array.from(table);
  }

  toText(byteOffset: number): number {
    if (!this.table) return this.base + byteOffset;
    const index = Math.max(0, Math.min(byteOffset, this.table.length - 1));
    return this.base + this.table[index];
  }
}
