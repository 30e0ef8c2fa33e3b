// Finds every `cargo-ai` (and `npx @cargo-ai/cli`) command in a parsed document: in shell and console code
// blocks, in unlabelled blocks that start with a command, and in inline code. Each word keeps its exact
// document span, however deep the block sits (list items, block quotes) and however the command is wrapped.
import type { CodeBlock, Document, InlineCode, Invocation, Span, Word } from '../core/types.ts';
import { parseShell, type ShellCall, type ShellParse, type ShellWord } from '../parse/shell.ts';

/** Fence languages whose whole content is a script. */
export const SHELL_LANGS: ReadonlySet<string> = new Set(['bash', 'sh', 'shell', 'zsh']);
/** Fence languages showing a terminal session: prompt lines are commands, the rest is output. */
export const CONSOLE_LANGS: ReadonlySet<string> = new Set(['console', 'shell-session', 'sh-session', 'shellsession']);

export interface ShellSyntaxError {
  span: Span;
  message: string;
  source: 'fence' | 'inline';
  /** Fence language ('' for unlabelled blocks and inline code). */
  lang: string;
  block?: CodeBlock;
}

/** Any simple command of a text that runs `cargo-ai` (`jq`, `echo`, `cargo-ai` itself), with how its output flows. */
export interface ShellCommand {
  words: Word[];
  /** The command whose standard output this one reads through `|`. */
  input?: ShellCommand;
  /** The file its standard output is written to (`> file`, `>> file`). */
  writes?: string;
  /** Set when the command runs `cargo-ai`. */
  invocation?: Invocation;
}

export interface ShellExtraction {
  invocations: Invocation[];
  errors: ShellSyntaxError[];
  /** Every simple command of the texts that mention `cargo-ai`, in document order. */
  commands: ShellCommand[];
}

const MENTION = 'cargo-ai';
const PROMPT = /^\s*[$%] /;
const NPX_PACKAGE = /^@cargo-ai\/cli(?:@\S+)?$/;
// Commands that run the command written after them.
const WRAPPERS = new Set(['command', 'exec', 'nohup', 'env']);

const memo = new WeakMap<Document, ShellExtraction>();

/**
 * One parsed shell text, kept until the page's commands are first asked for: only the output rules ask,
 * and the words of the commands that do not run `cargo-ai` are most of what a page's shell texts hold.
 */
interface ParsedText {
  /** The document's positions (not the document: nothing here may keep a page alive once it is checked). */
  pointAt: Document['pointAt'];
  parsed: ShellParse;
  source: Source;
  /** The commands built already: those that run `cargo-ai`, whose words their invocations share. */
  built: Map<ShellCall, ShellCommand>;
}

/** What the extraction gathers as it reads, before the commands are built. */
interface Gathered {
  invocations: Invocation[];
  errors: ShellSyntaxError[];
  texts: ParsedText[];
}

export function extractInvocations(doc: Document): Invocation[] {
  return extractShell(doc).invocations;
}

/** Invocations plus the shell syntax errors met on the way (only in text that mentions `cargo-ai`). */
export function extractShell(doc: Document): ShellExtraction {
  const known = memo.get(doc);
  if (known) return known;
  const gathered: Gathered = { invocations: [], errors: [], texts: [] };
  for (const block of doc.codeBlocks) {
    if (block.value.includes(MENTION)) fromBlock(doc, block, gathered);
  }
  for (const code of doc.inlineCode) {
    if (isInlineCommand(code.value)) fromInline(doc, code, gathered);
  }
  gathered.invocations.sort((a, b) => a.span.start.offset - b.span.start.offset);
  gathered.errors.sort((a, b) => a.span.start.offset - b.span.start.offset);
  const out = new LazyShellExtraction(gathered);
  memo.set(doc, out);
  return out;
}

/**
 * A page's extraction, its commands built when first read. A class, not an object literal with a getter:
 * V8 gives each such literal a hidden class of its own, and everything it holds then outlives the young
 * generation's collections (on 1,000 files, 9 MB more promoted to the old generation).
 */
class LazyShellExtraction implements ShellExtraction {
  readonly invocations: Invocation[];
  readonly errors: ShellSyntaxError[];
  private pending: ParsedText[] | undefined;
  private built: ShellCommand[] | undefined;

  constructor(gathered: Gathered) {
    this.invocations = gathered.invocations;
    this.errors = gathered.errors;
    this.pending = gathered.texts;
  }

  get commands(): ShellCommand[] {
    if (!this.built) {
      this.built = buildCommands(this.pending ?? []);
      this.pending = undefined;
    }
    return this.built;
  }
}

/** Every command of the parsed texts, with how their output flows, in document order. */
function buildCommands(texts: ParsedText[]): ShellCommand[] {
  // Each command with where it starts in the document, to put them in document order without their spans.
  const placed: { at: number; command: ShellCommand }[] = [];
  for (const { pointAt, parsed, source, built } of texts) {
    const commands = parsed.calls.map((call) => built.get(call) ?? { words: call.words.map((word) => new PlacedWord(word, source, pointAt)) });
    linkFlow(source.text, parsed.calls, commands);
    parsed.calls.forEach((call, index) => placed.push({ at: source.toDoc(call.words[0].start), command: commands[index] }));
  }
  return placed.sort((a, b) => a.at - b.at).map(({ command }) => command);
}

/**
 * A word of a command that does not run `cargo-ai` (`jq`, `echo`), whose span is worked out when first
 * read: the output rules read the words of every command of a page, and the spans of the few they report.
 */
class PlacedWord implements Word {
  readonly value: string;
  readonly raw: string;
  readonly dynamic: boolean;
  private readonly start: number;
  private readonly end: number;
  private placed: Span | undefined;

  constructor(
    word: ShellWord,
    private readonly source: Source,
    private readonly pointAt: Document['pointAt'],
  ) {
    this.value = word.value;
    this.raw = word.raw;
    this.dynamic = word.dynamic;
    this.start = word.start;
    this.end = word.end;
  }

  get span(): Span {
    this.placed ??= this.source.spanOf(this.pointAt, this.start, this.end);
    return this.placed;
  }
}

/** A shell word of `source` as a document word, with its span in the document. */
function wordsIn(pointAt: Document['pointAt'], source: Source): (word: ShellWord) => Word {
  return (word) => ({
    value: word.value,
    raw: word.raw,
    span: source.spanOf(pointAt, word.start, word.end),
    dynamic: word.dynamic,
  });
}

/** The shape the `extract` command prints. `argv[0]` is always `cargo-ai`, also for the npx form. */
export interface InvocationJson {
  file: string;
  line: number;
  column: number;
  argv: string[];
  raw: string;
}

/** `text` (the document text) gives `raw` exactly as written; without it the words are joined by spaces. */
export function invocationToJson(inv: Invocation, text?: string): InvocationJson {
  const raw =
    text !== undefined
      ? text.slice(inv.span.start.offset, inv.span.end.offset)
      : [inv.program.raw, ...inv.args.map((arg) => arg.raw)].join(' ');
  return {
    file: inv.file,
    line: inv.span.start.line,
    column: inv.span.start.column,
    argv: ['cargo-ai', ...inv.args.map((arg) => arg.value)],
    raw,
  };
}

/** Shell text cut out of the document, with the document offset where each of its lines starts. */
export class Source {
  constructor(
    readonly text: string,
    private readonly textStarts: number[],
    private readonly docStarts: number[],
  ) {}

  /** The span in the document of the text from `start` to `end` (offsets into this text). */
  spanOf(pointAt: Document['pointAt'], start: number, end: number): Span {
    return { start: pointAt(this.toDoc(start)), end: pointAt(this.toDoc(end)) };
  }

  toDoc(offset: number): number {
    let low = 0;
    let high = this.textStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.textStarts[mid] <= offset) low = mid;
      else high = mid - 1;
    }
    return this.docStarts[low] + offset - this.textStarts[low];
  }
}

/** Joins lines (with `separator`, same length as any replaced line break or not) and records where each began. */
export function sourceOf(lines: string[], docStarts: number[], separator: string): Source {
  const textStarts: number[] = [];
  let length = 0;
  for (const line of lines) {
    textStarts.push(length);
    length += line.length + separator.length;
  }
  return new Source(lines.join(separator), textStarts, docStarts);
}

function fromBlock(doc: Document, block: CodeBlock, out: Gathered): void {
  // CRLF files: the parser must not see `\r` (it would break `\` continuations), so lines are rejoined with `\n`.
  const lines = block.value.split(/\r?\n/);
  const mode = modeOf(block.lang, lines);
  if (mode === 'shell') {
    const source = sourceOf(lines, block.lineOffsets, '\n');
    collect(doc, parseShell(source.text), source, 'fence', block, out);
  } else if (mode === 'console') {
    fromSession(doc, block, lines, out);
  }
}

export function modeOf(lang: string, lines: string[]): 'shell' | 'console' | undefined {
  if (CONSOLE_LANGS.has(lang)) return 'console';
  if (lang !== '' && !SHELL_LANGS.has(lang)) return undefined;
  const first = lines.find((line) => line.trim() !== '')?.trimStart() ?? '';
  // A pasted terminal session, even in a `bash` fence: `$ cargo-ai ...` would otherwise run a command named `$`.
  if (first.startsWith('$ ')) return 'console';
  if (SHELL_LANGS.has(lang)) return 'shell';
  return /^(?:cargo-ai|npx)(?:\s|$)/.test(first) ? 'shell' : undefined;
}

/** A terminal session: each prompt line, plus the lines that continue it, is one command; the rest is output. */
function fromSession(doc: Document, block: CodeBlock, lines: string[], out: Gathered): void {
  const isPrompt = (index: number) => PROMPT.test(lines[index]);
  for (let first = 0; first < lines.length; first++) {
    if (!isPrompt(first)) continue;
    const command: string[] = [];
    const docStarts: number[] = [];
    // The prompt is cut off; the line then starts that much further into the document.
    const add = (index: number, prompt: RegExp) => {
      const cut = prompt.exec(lines[index])?.[0].length ?? 0;
      command.push(lines[index].slice(cut));
      docStarts.push(block.lineOffsets[index] + cut);
    };
    const canGrow = () => first + command.length < lines.length && !isPrompt(first + command.length);
    const grow = () => add(first + command.length, /^> /);
    add(first, PROMPT);
    while (canGrow() && command[command.length - 1].endsWith('\\')) grow();
    let source = sourceOf(command, docStarts, '\n');
    let parsed = parseShell(source.text);
    // Quotes and `if`/`for` bodies may run over several lines without a trailing backslash.
    for (let tries = 0; parsed.errors[0]?.incomplete && canGrow() && tries < 100; tries++) {
      grow();
      source = sourceOf(command, docStarts, '\n');
      parsed = parseShell(source.text);
    }
    collect(doc, parsed, source, 'fence', block, out);
    first += command.length - 1;
  }
}

function isInlineCommand(value: string): boolean {
  const text = value.trimStart();
  // `npx @cargo-ai/cli` alone names the prefix, it does not run anything.
  return text.startsWith('cargo-ai ') || /^npx\s+(?:(?:-y|--yes)\s+)?@cargo-ai\/cli(?:@\S+)?\s+\S/.test(text);
}

/** Inline code is one shell line: a line break inside it (the markdown wrapped) is a space. */
function fromInline(doc: Document, code: InlineCode, out: Gathered): void {
  const lines = code.value.split(/\r?\n/);
  const docStarts: number[] = [];
  let cursor = code.valueOffset;
  for (const line of lines) {
    const found = doc.text.indexOf(line, cursor);
    const start = found >= 0 && found <= code.span.end.offset ? found : cursor;
    docStarts.push(start);
    cursor = start + line.length;
  }
  const source = sourceOf(lines, docStarts, ' ');
  collect(doc, parseShell(source.text), source, 'inline', undefined, out);
}

function collect(
  doc: Document,
  parsed: ShellParse,
  source: Source,
  kind: 'fence' | 'inline',
  block: CodeBlock | undefined,
  out: Gathered,
): void {
  const toWord = wordsIn(doc.pointAt, source);
  const built = new Map<ShellCall, ShellCommand>();
  for (const call of parsed.calls) {
    const found = commandIn(call.words);
    if (!found) continue;
    const words = call.words.map(toWord);
    const program = words[found.program];
    const args = words.slice(found.args);
    const last = args[args.length - 1] ?? program;
    const invocation: Invocation = {
      file: doc.file.displayPath,
      program,
      args,
      source: kind,
      span: { start: program.span.start, end: last.span.end },
    };
    // Made whole, not given its invocation afterwards: one object shape for every such command.
    built.set(call, { words, invocation });
    out.invocations.push(invocation);
  }
  out.texts.push({ pointAt: doc.pointAt, parsed, source, built });
  for (const error of parsed.errors) {
    const start = source.toDoc(error.offset);
    const end = start < doc.text.length && !/[\r\n]/.test(doc.text[start]) ? start + 1 : start;
    out.errors.push({
      span: { start: doc.pointAt(start), end: doc.pointAt(end) },
      message: error.message,
      source: kind,
      lang: block?.lang ?? '',
      block,
    });
  }
}

/**
 * Reads what the shell text says between one command's last word and the next command: redirections of
 * standard output (`> file`) and a pipe (`|`) into the command that follows. The words come from the real
 * parser; the few characters between them are operators, read here.
 */
function linkFlow(text: string, calls: ShellCall[], commands: ShellCommand[]): void {
  const starts = calls.map((call) => call.words[0].start);
  calls.forEach((call, index) => {
    let at = call.words[call.words.length - 1].end;
    for (;;) {
      at = skipBlanks(text, at, false);
      // A redirection starts with its descriptor or its operator: most commands end without one.
      if (!REDIRECTION_START.test(text[at] ?? '')) break;
      const redirection = REDIRECTION.exec(text.slice(at, at + 400));
      if (!redirection) break;
      const [whole, descriptor, operator, target] = redirection;
      if ((operator === '>' || operator === '>>') && (descriptor === '' || descriptor === '1')) commands[index].writes = unquote(target);
      at += whole.length;
    }
    if (text[at] !== '|' || text[at + 1] === '|' || text[at + 1] === '&') return;
    const next = starts.indexOf(skipBlanks(text, at + 1, true));
    if (next >= 0) commands[next].input = commands[index];
  });
}

const REDIRECTION = /^([0-9]*)(>>|>&|>|<)[ \t]*([^\s|;&<>()`$\\]+)/;
const REDIRECTION_START = /[0-9<>]/;

/** The offset after the blanks (and line continuations, and with `lines` line breaks) from `at`. */
function skipBlanks(text: string, at: number, lines: boolean): number {
  for (;;) {
    if (text[at] === ' ' || text[at] === '\t' || (lines && text[at] === '\n')) at++;
    else if (text[at] === '\\' && text[at + 1] === '\n') at += 2;
    else return at;
  }
}

function unquote(word: string): string {
  return /^(['"])(.*)\1$/.exec(word)?.[2] ?? word;
}

/** Index of the program word and of the first argument, when the words run `cargo-ai`. */
function commandIn(words: ShellWord[]): { program: number; args: number } | undefined {
  let index = 0;
  while (index < words.length && !words[index].dynamic && WRAPPERS.has(words[index].value)) {
    const wrapper = words[index].value;
    index++;
    if (wrapper === 'env') {
      while (index < words.length && /^(?:-|[A-Za-z_][A-Za-z0-9_]*=)/.test(words[index].value)) index++;
    }
  }
  const program = words[index];
  if (!program || program.dynamic) return undefined;
  if (program.value === 'cargo-ai') return { program: index, args: index + 1 };
  if (program.value !== 'npx') return undefined;
  for (let at = index + 1; at < words.length; at++) {
    const word = words[at].value;
    if (NPX_PACKAGE.test(word)) return { program: index, args: at + 1 };
    // `npx -p @cargo-ai/cli cargo-ai ...` / `npx --package=@cargo-ai/cli cargo-ai ...`
    const packaged = /^--package=(.*)$/.exec(word)?.[1] ?? ((word === '-p' || word === '--package') && words[at + 1]?.value);
    if (packaged && NPX_PACKAGE.test(packaged)) {
      const binary = word.startsWith('--package=') ? at + 1 : at + 2;
      return words[binary]?.value === 'cargo-ai' ? { program: index, args: binary + 1 } : undefined;
    }
    if (!word.startsWith('-')) return undefined;
  }
  return undefined;
}

/**
 * Document offset of character `index` of `word.value`, for pointing inside a value (a JSON error in
 * `--filter '{...}'`, across lines and list indentation). Undefined when quote removal changed the text
 * in a way that breaks the correspondence (escapes, several quoted parts).
 */
export function offsetInValue(doc: Document, word: Word, index: number): number | undefined {
  const at = word.raw.indexOf(word.value);
  if (at < 0 || index < 0 || index > word.value.length) return undefined;
  const rawLines = word.raw.split('\n');
  let rawIndex = at + index;
  let line = 0;
  while (line < rawLines.length - 1 && rawIndex > rawLines[line].length) {
    rawIndex -= rawLines[line].length + 1;
    line++;
  }
  if (line === 0) return word.span.start.offset + rawIndex;
  // Later lines of a word are whole block lines, so each ends where its document line ends (the last one
  // where the word ends): counting back from there skips list indentation and block-quote markers.
  if (line === rawLines.length - 1) return word.span.end.offset - rawLines[line].length + rawIndex;
  let lineEnd = word.span.start.offset;
  for (let passed = 0; passed <= line; passed++) lineEnd = doc.text.indexOf('\n', lineEnd) + 1;
  lineEnd -= doc.text[lineEnd - 2] === '\r' ? 2 : 1;
  return lineEnd - rawLines[line].length + rawIndex;
}
