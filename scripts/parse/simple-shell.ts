// A fast reader for the shell most examples are written in: simple commands of plain, quoted and escaped
// words joined by newlines, `;`, `|`, `&&` and `||`, with comments, `\` continuations, `$VAR`, `$(...)`
// (whose commands count too), plain redirections, assignments, heredocs with a quoted delimiter, and the
// compound commands `if`, `while`, `until`, `for ... in` and `case`. Anything else (arithmetic, functions,
// `[[ ]]` tests, syntax errors...) is a fallback with its reason, and the caller asks the real parser. Differential
// tests hold it to mvdan/sh on every text it accepts.
import type { ShellCall, ShellWord } from './shell-types.ts';
import { unmaskPlaceholders } from './placeholders.ts';
import { unescapeAnsi, unescapeDouble } from './shell-unescape.ts';
import { type FastRead, outside, readFast } from './fast-read.ts';

/** Words that open compound commands, declarations or negation when they start a command. */
const RESERVED = new Set([
  'if', 'then', 'else', 'elif', 'fi', 'for', 'in', 'while', 'until', 'do', 'done', 'case', 'esac', 'function', 'select',
  'time', 'coproc', '{', '}', '!', '[[', ']]', 'export', 'declare', 'local', 'readonly', 'typeset', 'nameref', 'let',
]);
/** Characters that end a plain word. */
const WORD_END = new Set([' ', '\t', '\n', '|', '&', ';', '<', '>', ')']);
/** Characters this reader leaves to the real parser wherever they appear outside quotes. */
const UNSUPPORTED = new Set(['`', '(', '{', '}']);
/** A character that stands for itself in a word: none of the above, no quote, `$` or backslash. */
function isPlain(char: string): boolean {
  return !WORD_END.has(char) && !UNSUPPORTED.has(char) && char !== "'" && char !== '"' && char !== '$' && char !== '\\';
}
const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*\+?=/;
/** `name[`: where a command starts, the real parser may read an array element's assignment. */
const INDEXED = /^[A-Za-z_][A-Za-z0-9_]*\[/;
const NAME = /^[A-Za-z_][A-Za-z0-9_]*/;
/** `>`, `>>` or `<` to a file, or `>&` to a descriptor; an optional descriptor number before it. */
const REDIRECTION = /^[0-9]?(?:>>|>&|>|<)/;
/** `<<'WORD'`: a heredoc whose body is literal text, so holds no commands. */
const QUOTED_HEREDOC = /^<<[ \t]*'([A-Za-z0-9_]+)'/;

/** The keywords that may close the command list of each part of a compound command. */
const THEN = new Set(['then']);
const AFTER_THEN = new Set(['elif', 'else', 'fi']);
const FI = new Set(['fi']);
const DO = new Set(['do']);
const DONE = new Set(['done']);
const ESAC = new Set(['esac']);
const NONE = new Set<string>();

/** What ended a command list: a closing keyword, `;;` (a case item), `)` (a substitution) or '' (the text). */
type ListEnd = string;

/**
 * The simple commands of `masked` (placeholders already masked) as the real parser would give them, in
 * no particular order, or why the text is not plain enough for this reader.
 */
export function readSimpleShell(masked: string): FastRead<ShellCall[]> {
  return readFast(() => {
    const reader = new Reader(masked);
    reader.list(NONE);
    return reader.calls;
  });
}

class Reader {
  readonly calls: ShellCall[] = [];
  private i = 0;
  /** Delimiters of heredocs whose bodies start after the next line break. */
  private heredocs: string[] = [];

  constructor(private readonly text: string) {}

  /**
   * Commands up to the end of the text, or up to one of `closers` (a keyword where a command would start),
   * `)` when `inSubstitution`, or `;;` when `inCaseItem`. A list that a keyword closes must not be empty.
   */
  list(closers: ReadonlySet<string>, inSubstitution = false, inCaseItem = false): ListEnd {
    const { text } = this;
    let words: ShellWord[] = [];
    // What the command being read has so far besides words; a compound command must be the whole of it.
    let assigned = false;
    let redirected = false;
    let compound = false;
    let commands = 0;
    // After `|`, `&&` or `||` a command must follow (on a later line if need be).
    let needCommand = false;
    const endCommand = () => {
      if (words.length === 0 && !assigned && !redirected && !compound) return false;
      if (words.length > 0) this.calls.push({ words });
      words = [];
      assigned = redirected = compound = false;
      commands++;
      return true;
    };
    while (this.i < text.length) {
      const char = text[this.i];
      if (char === ' ' || char === '\t') {
        this.i++;
      } else if (char === '\\' && text[this.i + 1] === '\n') {
        if (this.heredocs.length > 0) outside('a continuation line with a heredoc pending');
        this.i += 2;
      } else if (char === '\n') {
        endCommand();
        this.i++;
        if (this.heredocs.length > 0) this.heredocBodies();
      } else if (char === ')') {
        if (!inSubstitution || needCommand || this.heredocs.length > 0) outside('a `)` outside a substitution, or after an operator');
        endCommand();
        return ')';
      } else if (char === '#') {
        const end = text.indexOf('\n', this.i);
        // mvdan/sh reads a comment's trailing `\` as a continuation into the next line: leave that to it.
        if (end > 0 && text[end - 1] === '\\') outside('a comment ending in a backslash');
        this.i = end === -1 ? text.length : end;
      } else if (char === ';') {
        const next = text[this.i + 1];
        if (next === ';' && inCaseItem && text[this.i + 2] !== '&' && !needCommand) {
          endCommand();
          if (commands === 0) outside('an empty case item');
          this.i += 2;
          return ';;';
        }
        if (next === ';' || next === '&' || !endCommand() || needCommand) outside('`;;`, `;&` or `;` without a command before it');
        this.i++;
      } else if (char === '|' || char === '&') {
        const double = text[this.i + 1] === char;
        if ((char === '&' && !double) || (char === '|' && text[this.i + 1] === '&')) outside('a background `&` or `|&`');
        if (needCommand || !endCommand()) outside('an operator without a command before it');
        needCommand = true;
        this.i += double ? 2 : 1;
      } else if (compound) {
        // `fi > out`, `done <in` and the like: the real parser's.
        outside('a redirection after a compound command');
      } else if (char === '<' && text[this.i + 1] === '<') {
        this.heredoc();
        redirected = true;
      } else if (REDIRECTION.test(text.slice(this.i, this.i + 3))) {
        this.redirection();
        redirected = true;
      } else {
        const word = this.word();
        if (words.length > 0) {
          words.push(word);
          continue;
        }
        // Checked on the value too: a `\` + newline inside the word does not hide `FOO=bar` or `fi`.
        const assignment = ASSIGNMENT.test(word.raw);
        if (assignment !== ASSIGNMENT.test(word.value) || INDEXED.test(word.raw) || INDEXED.test(word.value)) outside('an indexed or continued assignment');
        if (!assignment && (RESERVED.has(word.raw) || RESERVED.has(word.value))) {
          if (word.raw !== word.value || assigned || redirected) outside('a quoted, escaped or prefixed keyword');
          if (closers.has(word.raw)) {
            if (commands === 0 || needCommand) outside('an empty command list');
            return word.raw;
          }
          this.compound(word.raw);
          compound = true;
        } else if (assignment) {
          assigned = true;
        } else {
          words.push(word);
        }
        needCommand = false;
      }
    }
    if (closers.size > 0 || inSubstitution || inCaseItem || needCommand || this.heredocs.length > 0) outside('an unclosed compound command, substitution, operator or heredoc');
    endCommand();
    return '';
  }

  /** The rest of a compound command after its opening keyword, up to and including its closing one. */
  private compound(keyword: string): void {
    if (keyword === 'if') {
      let end: ListEnd = 'elif';
      while (end === 'elif') {
        if (this.list(THEN) !== 'then') outside('an `if` without `then`');
        end = this.list(AFTER_THEN);
      }
      if (end === 'else') end = this.list(FI);
      if (end !== 'fi') outside('an `if` without `fi`');
    } else if (keyword === 'while' || keyword === 'until') {
      if (this.list(DO) !== 'do' || this.list(DONE) !== 'done') outside('a loop without `do` or `done`');
    } else if (keyword === 'for') {
      this.forHead();
      if (this.list(DONE) !== 'done') outside('a `for` without `done`');
    } else if (keyword === 'case') {
      this.caseItems();
    } else {
      outside('a keyword other than if, while, until, for or case');
    }
  }

  /** `NAME in WORD...;` or a line break, then `do`. */
  private forHead(): void {
    this.blanks(false);
    const name = this.word();
    if (name.raw !== name.value || NAME.exec(name.raw)?.[0] !== name.raw) outside('a `for` over something other than a plain name');
    this.blanks(false);
    this.keyword('in');
    let items = 0;
    for (;;) {
      this.blanks(false);
      const char = this.text[this.i];
      if (char === ';' || char === '\n') break;
      if (char === '#' || char === '\\') outside('a comment or continuation in a `for` list');
      this.word();
      items++;
    }
    if (items === 0 || this.text[this.i + 1] === ';') outside('a `for` without items, or with `;;`');
    this.i++;
    this.blanks(true);
    this.keyword('do');
  }

  /** `WORD in`, then items of `PATTERN|PATTERN) commands ;;`, then `esac`. */
  private caseItems(): void {
    this.blanks(false);
    this.word();
    this.blanks(false);
    this.keyword('in');
    let items = 0;
    for (;;) {
      this.blanks(true);
      let pattern = this.word();
      if (pattern.raw === 'esac' && pattern.value === 'esac') break;
      for (;;) {
        if (RESERVED.has(pattern.raw) || RESERVED.has(pattern.value)) outside('a keyword as a case pattern');
        this.blanks(false);
        if (this.text[this.i] === ')') break;
        if (this.text[this.i] !== '|') outside('a case pattern not closed by `)`');
        this.i++;
        this.blanks(false);
        pattern = this.word();
      }
      this.i++;
      items++;
      if (this.list(ESAC, false, true) === 'esac') break;
    }
    if (items === 0) outside('a `case` without items');
  }

  /** Spaces and tabs, and line breaks too when `lines`; a comment or a continuation is the real parser's. */
  private blanks(lines: boolean): void {
    const { text } = this;
    for (;;) {
      const char = text[this.i];
      if (char === ' ' || char === '\t') this.i++;
      else if (char === '\n' && lines && this.heredocs.length === 0) this.i++;
      else if (char === '#' || (char === '\\' && text[this.i + 1] === '\n')) outside('a comment or continuation where a compound command continues');
      else break;
    }
  }

  /** The plain word `expected`, or the real parser's. */
  private keyword(expected: string): void {
    const word = this.word();
    if (word.raw !== expected || word.value !== expected) outside('a compound command without its expected keyword');
  }

  /** `<<'WORD'`: its body is read after the line ends. `<<-`, `<<<` and unquoted delimiters are the real parser's. */
  private heredoc(): void {
    const found = QUOTED_HEREDOC.exec(this.text.slice(this.i, this.i + 200));
    if (!found || !WORD_END.has(this.text[this.i + found[0].length] ?? '\n')) outside('a heredoc without a quoted delimiter');
    this.heredocs.push(found[1]);
    this.i += found[0].length;
  }

  /** Skips the bodies of the pending heredocs, each up to the line that is exactly its delimiter. */
  private heredocBodies(): void {
    const { text } = this;
    for (const delimiter of this.heredocs) {
      for (;;) {
        if (this.i >= text.length) outside('an unterminated heredoc');
        const newline = text.indexOf('\n', this.i);
        const lineEnd = newline === -1 ? text.length : newline;
        const line = text.slice(this.i, lineEnd);
        this.i = newline === -1 ? text.length : newline + 1;
        if (line === delimiter) break;
        // A delimiter with something before or after it on its line: how that ends the body is the real parser's call.
        if (line.includes(delimiter)) outside('a heredoc delimiter with more on its line');
      }
    }
    this.heredocs = [];
  }

  /** A redirection and its target, which is not one of the command's words. */
  private redirection(): void {
    const { text } = this;
    const operator = REDIRECTION.exec(text.slice(this.i, this.i + 3))![0];
    this.i += operator.length;
    // Heredocs, here-strings, `<>`, `>|`, `<&` and process substitution are the real parser's.
    if (this.i >= text.length || ('<>|&('.includes(text[this.i]) && !(operator.endsWith('&') && /[0-9-]/.test(text[this.i])))) outside('a here-string, `<>`, `>|`, `<&` or process substitution');
    if (operator.endsWith('&')) {
      const target = /^(?:[0-9]+|-)/.exec(text.slice(this.i))![0];
      this.i += target.length;
      // A descriptor right before `)`, `<` or `>` is read differently by the real parser.
      if (!WORD_END.has(text[this.i] ?? ' ') || ')<>'.includes(text[this.i])) outside('a descriptor duplication followed by `)`, `<` or `>`');
      return;
    }
    while (text[this.i] === ' ' || text[this.i] === '\t') this.i++;
    if (this.i >= text.length || WORD_END.has(text[this.i]) || '#\\'.includes(text[this.i])) outside('a redirection without a plain target');
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
    let continued = false;
    while (this.i < text.length && !WORD_END.has(text[this.i])) {
      const char = text[this.i];
      if (UNSUPPORTED.has(char)) outside(`${char} in a word`);
      if (char === '\\' && text[this.i + 1] === '\n') {
        // After a quote or an expansion, the real parser may read `\` + newline as the end of the word (before
        // `#` or a descriptor number) or as part of a variable's name: left to it.
        if (afterPart !== undefined && (afterExpansion || /[#0-9]/.test(text[this.i + 2] ?? ''))) outside('a continuation right after a quote or an expansion');
        this.i += 2;
        continued = true;
        continue;
      }
      afterPart = undefined;
      afterExpansion = false;
      if (char === "'") {
        const close = text.indexOf("'", this.i + 1);
        if (close === -1) outside('an unterminated single quote');
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
        if (this.i + 1 >= text.length) outside('a backslash at the end of the text');
        value += text[this.i + 1];
        this.i += 2;
      } else {
        // A run of plain characters is taken whole: most words are nothing else.
        let end = this.i + 1;
        while (end < text.length && isPlain(text[end])) end++;
        value += text.slice(this.i, end);
        this.i = end;
      }
    }
    // A word of digits right before `<` or `>` is the redirection's descriptor: the real parser's call.
    if ((text[this.i] === '<' || text[this.i] === '>') && /^[0-9]+$/.test(text.slice(start, this.i))) outside('a descriptor number before a redirection');
    if (this.i === start) outside('an empty word');
    // A line break inside a word, with a heredoc pending: where its body starts is the real parser's call. So is
    // a word with both a `\` continuation of its own and a `[`, which mvdan/sh can drop from the commands.
    if (continued && value.includes('[')) outside('a continued word holding `[`');
    if (this.heredocs.length > 0 && text.slice(start, this.i).includes('\n')) outside('a line break inside a word with a heredoc pending');
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
      if (this.i >= text.length) outside('an unterminated double quote');
      const char = text[this.i];
      if (char === '"') break;
      if (char === '`') outside('backquotes inside double quotes');
      if (char === '\\') {
        literal += text.slice(this.i, this.i + 2);
        this.i += 2;
      } else if (char === '$' && text[this.i + 1] !== '"' && this.i + 1 < text.length && /[A-Za-z_{(]/.test(text[this.i + 1])) {
        value += unescapeDouble(literal) + this.expansion();
        literal = '';
        dynamic = true;
      } else {
        if (char === '$') outside('a `$` that is not an expansion inside double quotes');
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
    if (close >= text.length) outside('an unterminated ANSI-C quote');
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
      if (text[this.i + 2] === '(') outside('arithmetic expansion');
      // A heredoc's body would start on a line inside the substitution: the real parser's call.
      if (this.heredocs.length > 0) outside('a substitution with a heredoc pending');
      this.i += 2;
      this.list(NONE, true);
      this.i++;
    } else if (next === '{') {
      const name = NAME.exec(text.slice(this.i + 2));
      if (!name || text[this.i + 2 + name[0].length] !== '}') outside('a parameter expansion with an operator');
      this.i += 3 + name[0].length;
    } else {
      const name = NAME.exec(text.slice(this.i + 1));
      if (!name) outside('a `$` not followed by a name');
      this.i += 1 + name[0].length;
    }
    return text.slice(start, this.i);
  }
}
