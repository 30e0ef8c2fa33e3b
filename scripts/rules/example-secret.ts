// Examples get copied verbatim; a real credential in one leaks to every reader and every agent.
import type { Rule } from '../core/rule.ts';
import type { Document, Span } from '../core/types.ts';
import { isPlaceholder } from '../parse/placeholders.ts';

/** Prefixes of well-known credential formats. */
const KNOWN_PREFIXES = /\b(?:sk-(?:live|proj|ant)?[-_]?[A-Za-z0-9]{16,}|gh[pousr]_[A-Za-z0-9]{30,}|xox[abposr]-[A-Za-z0-9-]{10,}|AKIA[0-9A-Z]{16}|AIza[0-9A-Za-z_-]{35}|glpat-[A-Za-z0-9_-]{20,})/g;
const BEARER = /\bBearer[^\S\n]+([A-Za-z0-9._~+/=-]{16,})/g;
/** A long key is a run of at least this many key characters (letters, digits, `_+/-`), then up to two `=`. */
const LONG_TOKEN_LENGTH = 32;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const HINT = 'use a placeholder such as `<your-api-token>` or an environment variable such as `$CARGO_API_TOKEN`';

const rule: Rule = {
  meta: {
    id: 'example-secret',
    description: 'Examples hold no real-looking secret: a literal value after `--token`, a bearer token, a known key format or a long random key.',
    severity: 'error',
    profile: 'spec',
  },
  checkFile(doc, context) {
    const reported = new Set<number>();
    const report = (span: Span, message: string) => {
      if (reported.has(span.start.offset)) return;
      reported.add(span.start.offset);
      context.report({ span, message, hint: HINT });
    };
    for (const invocation of context.invocations) {
      invocation.args.forEach((word, index) => {
        const inline = /^--token=(.+)$/.exec(word.value);
        const value = inline ? inline[1] : word.value === '--token' ? invocation.args[index + 1] : undefined;
        if (value === undefined) return;
        const text = typeof value === 'string' ? value : value.value;
        const dynamic = typeof value === 'string' ? word.dynamic : value.dynamic;
        if (dynamic || isPlaceholder(text) || text.startsWith('-')) return;
        report(typeof value === 'string' ? word.span : value.span, '`--token` is given a literal value that looks like a real API token');
      });
    }
    for (const { text, at } of codeTexts(doc)) {
      for (const match of text.matchAll(KNOWN_PREFIXES)) {
        report(spanAt(doc, at(match.index!), match[0].length), 'Example contains what looks like a real credential');
      }
      for (const match of text.matchAll(BEARER)) {
        if (isPlaceholderLike(match[1])) continue;
        const start = at(match.index! + match[0].length - match[1].length);
        report(spanAt(doc, start, match[1].length), 'Example contains a literal bearer token');
      }
      for (const [start, end] of longTokens(text)) {
        if (!looksRandom(text.slice(start, end))) continue;
        report(spanAt(doc, at(start), end - start), 'Example contains a long random string that looks like a secret key');
      }
    }
  },
};

/**
 * Each code block and inline code value, whole (none of the patterns crosses a line), with the document
 * offset of any index into it; the offsets are looked up only for the rare match.
 */
function* codeTexts(doc: Document): Generator<{ text: string; at: (index: number) => number }> {
  for (const block of doc.codeBlocks) {
    const at = (index: number) => {
      const line = block.value.slice(0, index).split('\n').length - 1;
      const lineStart = block.value.lastIndexOf('\n', index - 1) + 1;
      return (block.lineOffsets[line] ?? block.span.start.offset) + index - lineStart;
    };
    yield { text: block.value, at };
  }
  for (const code of doc.inlineCode) yield { text: code.value, at: (index: number) => code.valueOffset + index };
}

/**
 * Where long keys sit in `text`, as [start, end): each whole run of key characters of LONG_TOKEN_LENGTH or
 * more, with up to two `=` after it. One pass, where a pattern would retry from every character of every
 * shorter run.
 */
export function* longTokens(text: string): Generator<[number, number]> {
  let start = -1;
  for (let i = 0; i <= text.length; i++) {
    const code = i < text.length ? text.charCodeAt(i) : -1;
    const keyChar =
      (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a) || code === 0x5f || code === 0x2b || code === 0x2f || code === 0x2d;
    if (keyChar) {
      if (start === -1) start = i;
      continue;
    }
    if (start !== -1 && i - start >= LONG_TOKEN_LENGTH) {
      let end = i;
      while (end < text.length && end - i < 2 && text[end] === '=') end++;
      yield [start, end];
    }
    start = -1;
  }
}

function isPlaceholderLike(value: string): boolean {
  return /^\$|^<|x{6,}|\*{3,}|\.{3}|your|example|token|placeholder/i.test(value);
}

/** Random keys mix letters and digits with high entropy; words, paths, UUIDs and hashes of one case do not. */
export function looksRandom(value: string): boolean {
  if (UUID.test(value) || isPlaceholderLike(value)) return false;
  if (!/[A-Za-z]/.test(value) || !/[0-9]/.test(value)) return false;
  if (!/[a-z]/.test(value) || !/[A-Z]/.test(value)) return false;
  if (/^[a-z]+(?:[-_][a-z]+)+$/i.test(value)) return false;
  return shannonEntropy(value) >= 4;
}

function shannonEntropy(value: string): number {
  const counts = new Map<string, number>();
  for (const char of value) counts.set(char, (counts.get(char) ?? 0) + 1);
  let entropy = 0;
  for (const count of counts.values()) {
    const p = count / value.length;
    entropy -= p * Math.log2(p);
  }
  return entropy;
}

function spanAt(doc: Document, start: number, length: number): Span {
  return { start: doc.pointAt(start), end: doc.pointAt(start + length) };
}

export default rule;
