// A fast reader for the shell most examples are written in: simple commands of plain, quoted and escaped
// words joined by newlines, `;`, `|`, `&&` and `||`, with comments, `\` continuations, `$VAR`, `$(...)`
// (whose commands count too) and plain redirections. Anything else (arithmetic, heredocs, compound
// commands, assignments, syntax errors...) returns undefined, and the caller asks the real parser.
// Differential tests hold it to mvdan/sh on every text it accepts.
import type { ShellCall, ShellWord } from './shell.ts';
import { unmaskPlaceholders } from './placeholders.ts';
import { unescapeAnsi, unescapeDouble } from './shell-unescape.ts';

/** Words that open compound commands, declarations or negation when they start a command. */
const RESERVED = new Set([
  'if', 'then', 'else', 'elif', 'fi', 'for', 'in', 'while', 'until', 'do', 'done', 'case', 'esac', 'function', 'select',
  'time', 'coproc', '{', '}', '!', '[[', ']]', 'export', 'declare', 'local', 'readonly', 'typeset', 'nameref', 'let',
]);
/** Characters that end a plain word. */
const WORD_END = new Set([' ', '\t', '\n', '|', '&', ';', '<', '>', ')']);
/** Characters this reader leaves to the real parser wherever they appear outside quotes. */
const UNSUPPORTED = new Set(['`', '(', '{', '}', '[', ']']);
const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*\+?=/;
const NAME = /^[A-Za-z_][A-Za-z0-9_]*/;
/** `>`, `>>` or `<` to a file, or `>&` to a descriptor; an optional descriptor number before it. */
const REDIRECTION = /^[0-9]?(?:>>|>&|>|<)/;

/** Thrown where the text leaves the subset; caught once, in readSimpleShell. */
class OutsideSubset extends Error {}

function outside(): never {
  throw new OutsideSubset();
}

/**
 * The simple commands of `masked` (placeholders already masked) as the real parser would give them, in
 * no particular order, or undefined when the text is not plain enough for this reader.
 */
export function readSimpleShell(masked: string): ShellCall[] | undefined {
  try {
    const reader = new Reader(masked);
    reader.list(false);
    return reader.calls;
  } catch (error) {
    if (error instanceof OutsideSubset) return undefined;
    throw error;
  }
}

class Reader {
  readonly calls: ShellCall[] = [];
  private i = 0;

  constructor(private readonly text: string) {}

  /** Commands up to the end of the text, or (inside `$(...)`) up to the closing parenthesis. */
  list(inSubstitution: boolean): void {
    const { text } = this;
    let words: ShellWord[] = [];
    // After `|`, `&&` or `||` a command must follow (on a later line if need be).
    let needCommand = false;
    const endCommand = () => {
      if (words.length === 0) return false;
      this.calls.push({ words });
      words = [];
      return true;
    };
    while (this.i < text.length) {
      const char = text[this.i];
      if (char === ' ' || char === '\t') {
        this.i++;
      } else if (char === '\\' && text[this.i + 1] === '\n') {
        this.i += 2;
      } else if (char === '\n') {
        endCommand();
        this.i++;
      } else if (char === ')') {
        if (!inSubstitution || needCommand) outside();
        endCommand();
        return;
      } else if (char === '#') {
        const end = text.indexOf('\n', this.i);
        // mvdan/sh reads a comment's trailing `\` as a continuation into the next line: leave that to it.
        if (end > 0 && text[end - 1] === '\\') outside();
        this.i = end === -1 ? text.length : end;
      } else if (char === ';') {
        if (text[this.i + 1] === ';' || text[this.i + 1] === '&' || !endCommand() || needCommand) outside();
        this.i++;
      } else if (char === '|' || char === '&') {
        const double = text[this.i + 1] === char;
        if ((char === '&' && !double) || (char === '|' && text[this.i + 1] === '&')) outside();
        if (needCommand || !endCommand()) outside();
        needCommand = true;
        this.i += double ? 2 : 1;
      } else if (REDIRECTION.test(text.slice(this.i, this.i + 3))) {
        this.redirection();
      } else {
        const word = this.word();
        // Checked on the value too: a `\` + newline inside the word does not hide `FOO=bar` or `fi`.
        const first = words.length === 0;
        if (first && (RESERVED.has(word.raw) || RESERVED.has(word.value) || ASSIGNMENT.test(word.raw) || ASSIGNMENT.test(word.value))) outside();
        words.push(word);
        needCommand = false;
      }
    }
    if (inSubstitution || needCommand) outside();
    endCommand();
  }

  /** A redirection and its target, which is not one of the command's words. */
  private redirection(): void {
    const { text } = this;
    const operator = REDIRECTION.exec(text.slice(this.i, this.i + 3))![0];
    this.i += operator.length;
    // Heredocs, here-strings, `<>`, `>|`, `<&` and process substitution are the real parser's.
    if (this.i >= text.length || ('<>|&('.includes(text[this.i]) && !(operator.endsWith('&') && /[0-9-]/.test(text[this.i])))) outside();
    if (operator.endsWith('&')) {
      const target = /^(?:[0-9]+|-)/.exec(text.slice(this.i))![0];
      this.i += target.length;
      if (!WORD_END.has(text[this.i] ?? ' ') || text[this.i] === ')') outside();
      return;
    }
    while (text[this.i] === ' ' || text[this.i] === '\t') this.i++;
    if (this.i >= text.length || WORD_END.has(text[this.i]) || '#\\'.includes(text[this.i])) outside();
    this.word();
  }

  private word(): ShellWord {
    const { text } = this;
    const start = this.i;
    let value = '';
    let dynamic = false;
    // Where the word ends if only `\` + newline continuations follow: after a closing quote or an expansion,
    // they are not part of it; after plain characters, the real parser counts them in.
    let afterPart: number | undefined;
    let afterExpansion = false;
    while (this.i < text.length && !WORD_END.has(text[this.i])) {
      const char = text[this.i];
      if (UNSUPPORTED.has(char)) outside();
      if (char === '\\' && text[this.i + 1] === '\n') {
        // After a quote or an expansion, the real parser may read `\` + newline as the end of the word (before
        // `#` or a descriptor number) or as part of a variable's name: left to it.
        if (afterPart !== undefined && (afterExpansion || /[#0-9]/.test(text[this.i + 2] ?? ''))) outside();
        this.i += 2;
        continue;
      }
      afterPart = undefined;
      afterExpansion = false;
      if (char === "'") {
        const close = text.indexOf("'", this.i + 1);
        if (close === -1) outside();
        value += text.slice(this.i + 1, close);
        this.i = afterPart = close + 1;
      } else if (char === '"') {
        const quoted = this.doubleQuoted();
        value += quoted.value;
        if (quoted.dynamic) dynamic = true;
        afterPart = this.i;
      } else if (char === '$') {
        if (text[this.i + 1] === "'") {
          value += this.ansiQuoted();
        } else {
          value += this.expansion();
          dynamic = afterExpansion = true;
        }
        afterPart = this.i;
      } else if (char === '\\') {
        if (this.i + 1 >= text.length) outside();
        value += text[this.i + 1];
        this.i += 2;
      } else {
        value += char;
        this.i++;
      }
    }
    // A word of digits right before `<` or `>` is the redirection's descriptor: the real parser's call.
    if ((text[this.i] === '<' || text[this.i] === '>') && /^[0-9]+$/.test(text.slice(start, this.i))) outside();
    if (this.i === start) outside();
    const end = afterPart ?? this.i;
    return { value: unmaskPlaceholders(value), raw: unmaskPlaceholders(text.slice(start, end)), start, end, dynamic };
  }

  /** `"..."`: its value, with `$VAR` and `$(...)` kept as written, and whether it holds any. */
  private doubleQuoted(): { value: string; dynamic: boolean } {
    const { text } = this;
    let dynamic = false;
    let value = '';
    let literal = '';
    this.i++;
    for (;;) {
      if (this.i >= text.length) outside();
      const char = text[this.i];
      if (char === '"') break;
      if (char === '`') outside();
      if (char === '\\') {
        literal += text.slice(this.i, this.i + 2);
        this.i += 2;
      } else if (char === '$' && text[this.i + 1] !== '"' && this.i + 1 < text.length && /[A-Za-z_{(]/.test(text[this.i + 1])) {
        value += unescapeDouble(literal) + this.expansion();
        literal = '';
        dynamic = true;
      } else {
        if (char === '$') outside();
        literal += char;
        this.i++;
      }
    }
    this.i++;
    return { value: value + unescapeDouble(literal), dynamic };
  }

  /** `$'...'`: C-style escapes. */
  private ansiQuoted(): string {
    const { text } = this;
    let close = this.i + 2;
    for (; close < text.length && text[close] !== "'"; close++) if (text[close] === '\\') close++;
    if (close >= text.length) outside();
    const inner = text.slice(this.i + 2, close);
    this.i = close + 1;
    return unescapeAnsi(inner);
  }

  /** `$NAME`, `${NAME}` or `$(commands)`, as written; the commands inside a substitution are read too. */
  private expansion(): string {
    const { text } = this;
    const start = this.i;
    const next = text[this.i + 1];
    if (next === '(') {
      if (text[this.i + 2] === '(') outside();
      this.i += 2;
      this.list(true);
      this.i++;
    } else if (next === '{') {
      const name = NAME.exec(text.slice(this.i + 2));
      if (!name || text[this.i + 2 + name[0].length] !== '}') outside();
      this.i += 3 + name[0].length;
    } else {
      const name = NAME.exec(text.slice(this.i + 1));
      if (!name) outside();
      this.i += 1 + name[0].length;
    }
    return text.slice(start, this.i);
  }
}
