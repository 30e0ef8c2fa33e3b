// Examples get copied verbatim; a real credential in one leaks to every reader and every agent. A string
// counts only where it stands as a secret's value (after a flag, in an auth header, assigned to a name that
// says it is one) or in a vendor's key format, and only when it looks random: documentation is full of
// long identifiers, paths, alphabets and masked keys that are not secrets.
import type { Rule } from '../core/rule.ts';
import type { Document, Span } from '../core/types.ts';
import { isPlaceholder } from '../parse/placeholders.ts';

/** Vendor key formats: the prefix says what it is, the rest must still look random (not `AIzaXXXX...`). */
const KNOWN_FORMATS = /\b(?:sk-(?:live|proj|ant)?[-_]?[A-Za-z0-9_-]{16,}|gh[pousr]_[A-Za-z0-9]{30,}|xox[abposr]-[A-Za-z0-9-]{10,}|AKIA[0-9A-Z]{16}|AIza[0-9A-Za-z_-]{35}|glpat-[A-Za-z0-9_-]{20,})/g;
const KNOWN_PREFIX = /^(?:sk-(?:live|proj|ant)?[-_]?|gh[pousr]_|xox[abposr]-|AKIA|AIza|glpat-)/;
/** A secret flag and its value: `--token abc`, `--api-key=abc`. */
const SECRET_FLAG = /(?:^|[\s(])--?(?:token|api-?key|key|secret|password|passwd|access-token|auth-token|client-secret)(?:=|[^\S\n]+)(["']?)([^\s"'`]+)\1/gi;
/** An auth header's value: `Authorization: Bearer abc`, `X-Api-Key: abc`. */
const AUTH_HEADER = /\b(?:(?:Bearer|Token|Basic)[^\S\n]+|(?:x-)?api-?key[^\S\n]*:[^\S\n]*|x-auth-token[^\S\n]*:[^\S\n]*)["']?([A-Za-z0-9._~+/=-]+)/gi;
/**
 * `NAME=value`, `name: value`, `"name": "value"`, `name = "value"`, `name => 'value'`. A name is tried only
 * where it starts (the look-behind): tried inside a long run of name characters, it would rescan the run.
 */
const ASSIGNMENT = /(?<![A-Za-z0-9_.-])([A-Za-z_][A-Za-z0-9_.-]*)["']?[^\S\n]*(?:=>|:=|=|:)[^\S\n]*(["']?)([^\s"'`,;)}\]]+)\2/g;
/** The last word of a name that holds a secret (`OPENAI_API_KEY`, `apiKey`, `client_secret`, `token`). */
const SECRET_NAME_END = /(?:token|secret|key|password|passwd|pwd|credentials?)$/i;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** What authors write instead of a key: variables, templates, elisions, masks and the words that say "fake". */
const NOT_A_KEY = /^[$<{%]|\$\{|\{\{|\.\.\.|\u2026|x{4,}|X{4,}|\*{3,}|(.)\1{4,}|your|example|placeholder|dummy|fake|sample|redacted|changeme|replace|insert|here|test/i;
const MIN_SECRET_LENGTH = 16;
/** The shortest text any pattern above can flag: `xoxb-` and ten characters. */
const SHORTEST_FLAGGED = 15;
/**
 * A word every pattern above needs (a vendor prefix, a secret word in a flag, header or name), in any case:
 * a line without one is spared the four patterns (none of them crosses a line).
 */
const TRIGGER = /sk-|gh[pousr]_|xox|akia|aiza|glpat-|token|key|secret|passw|pwd|credential|bearer|basic/gi;
const HINT = 'use a placeholder such as `<api-token>` or an environment variable such as `$API_TOKEN`';

const rule: Rule = {
  meta: {
    id: 'example-secret',
    description:
      'Examples hold no real-looking secret: a random value after a secret flag (`--token`, `--api-key`), in an auth header or assigned to a secret name, or a vendor key format; identifiers, paths, masked and fake keys pass.',
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
    // A cargo-ai example is copied as it stands: any literal token there is one too many.
    for (const invocation of context.invocations) {
      invocation.args.forEach((word, index) => {
        const inline = /^--token=(.+)$/.exec(word.value);
        const value = inline ? inline[1] : word.value === '--token' ? invocation.args[index + 1] : undefined;
        if (value === undefined) return;
        const text = typeof value === 'string' ? value : value.value;
        const dynamic = typeof value === 'string' ? word.dynamic : value.dynamic;
        if (dynamic || isPlaceholder(text) || text.startsWith('-') || NOT_A_KEY.test(text)) return;
        report(typeof value === 'string' ? word.span : value.span, '`--token` is given a literal value that looks like a real API token');
      });
    }
    for (const { text, at } of codeTexts(doc)) {
      if (text.length < SHORTEST_FLAGGED) continue;
      for (const { line, start } of linesWithTriggers(text)) {
        checkLine(line, (index, value, message) => report(spanAt(doc, at(start + index), value.length), message));
      }
    }
  },
};

/** Flags what looks like a secret on one line of code: `flag` takes its index in the line, the value and a message. */
function checkLine(line: string, flag: (index: number, value: string, message: string) => void): void {
  for (const match of line.matchAll(KNOWN_FORMATS)) {
    if (isVendorKey(match[0])) flag(match.index!, match[0], 'Example contains what looks like a real credential');
  }
  for (const match of line.matchAll(SECRET_FLAG)) {
    const value = match[2];
    if (looksLikeSecret(value)) flag(match.index! + match[0].length - value.length - match[1].length, value, 'Example gives a secret flag a value that looks like a real key');
  }
  for (const match of line.matchAll(AUTH_HEADER)) {
    const value = match[1];
    if (looksLikeSecret(value)) flag(match.index! + match[0].length - value.length, value, 'Example contains a literal token in an auth header');
  }
  for (const match of line.matchAll(ASSIGNMENT)) {
    const [whole, name, quote, value] = match;
    if (!SECRET_NAME_END.test(lastWord(name)) || !looksLikeSecret(value)) continue;
    flag(match.index! + whole.length - value.length - quote.length, value, `Example assigns \`${name}\` a value that looks like a real key`);
  }
}

/** The lines of `text` that hold a trigger word, each once, with the index where each starts. */
function* linesWithTriggers(text: string): Generator<{ line: string; start: number }> {
  const trigger = new RegExp(TRIGGER);
  for (let hit = trigger.exec(text); hit !== null; hit = trigger.exec(text)) {
    const start = text.lastIndexOf('\n', hit.index) + 1;
    const newline = text.indexOf('\n', hit.index);
    const end = newline === -1 ? text.length : newline;
    trigger.lastIndex = end;
    yield { line: text.slice(start, end), start };
  }
}

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

/** The last word of a name: `OPENAI_API_KEY` → `KEY`, `apiKey` → `Key`, `auth.token` → `token`. */
function lastWord(name: string): string {
  const parts = name.split(/[_.-]+/).filter(Boolean);
  const last = parts[parts.length - 1] ?? '';
  const camel = /[A-Z][a-z]+$/.exec(last);
  return camel && camel.index > 0 ? camel[0] : last;
}

/** A vendor-format key whose body is random, not a mask (`AIzaXXXX...`) or a made-up run of letters. */
export function isVendorKey(value: string): boolean {
  const body = value.replace(KNOWN_PREFIX, '');
  if (NOT_A_KEY.test(body)) return false;
  return /[0-9]/.test(body) && /[A-Za-z]/.test(body) && !isSequential(body) && shannonEntropy(body) >= 3;
}

/**
 * Whether a value standing where a secret goes looks like a real key: long enough, not a placeholder,
 * variable or mask, of mixed characters, random (high entropy, no alphabet run), and neither an
 * identifier made of words (`BetaClearToolUses20250919EditParam`, `process.env.API_KEY`) nor a path.
 */
export function looksLikeSecret(raw: string): boolean {
  const value = raw.replace(/^["']|["']$/g, '');
  if (value.length < MIN_SECRET_LENGTH || UUID.test(value) || NOT_A_KEY.test(value) || isPlaceholder(value)) return false;
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/].filter((pattern) => pattern.test(value)).length;
  if (classes < 2) return false;
  if (/^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)+$/.test(value)) return false;
  if (value.includes('/') && value.split('/').every((part) => part.length < MIN_SECRET_LENGTH || isWordy(part))) return false;
  if (isWordy(value) || isSequential(value)) return false;
  return shannonEntropy(value) >= 3.5;
}

/** Most of the value is words (`Beta`, `Tool`, `uses`...): a name written in camel or snake case, not a key. */
function isWordy(value: string): boolean {
  let inWords = 0;
  for (const run of value.matchAll(/[A-Z]?[a-z]{2,}|[A-Z]{2,}(?![a-z])/g)) {
    if (/[aeiouy]/i.test(run[0])) inWords += run[0].length;
  }
  const letters = value.replace(/[^A-Za-z]/g, '').length;
  return letters > 0 && inWords / letters >= 0.75;
}

/** Half of the value or more steps through an alphabet (`ABCDEF...`, `0123...`): a character set, not a key. */
function isSequential(value: string): boolean {
  let steps = 0;
  for (let i = 1; i < value.length; i++) if (value.charCodeAt(i) - value.charCodeAt(i - 1) === 1) steps++;
  return steps >= (value.length - 1) / 2;
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
