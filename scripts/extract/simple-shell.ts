// A fast reader for the shell most examples are written in: simple commands of plain, quoted and escaped
// words, joined by newlines, `;`, `|`, `&&` and `||`, with comments and `\` continuations. Anything else
// (expansions, redirections, compound commands, assignments, syntax errors) returns undefined, and the
// caller asks the real parser. Differential tests hold it to mvdan/sh on every text it accepts.
import type { ShellCall, ShellWord } from './shell.ts';
import { unmaskPlaceholders } from './placeholders.ts';

/** Words that open compound commands, declarations or negation when they start a command. */
const RESERVED = new Set([
  'if', 'then', 'else', 'elif', 'fi', 'for', 'in', 'while', 'until', 'do', 'done', 'case', 'esac', 'function', 'select',
  'time', 'coproc', '{', '}', '!', '[[', ']]', 'export', 'declare', 'local', 'readonly', 'typeset', 'nameref', 'let',
]);
/** Characters that end a plain word. */
const WORD_END = new Set([' ', '\t', '\n', '|', '&', ';']);
/** Characters this reader leaves to the real parser wherever they appear outside quotes. */
const UNSUPPORTED = new Set(['$', '`', '(', ')', '<', '>', '{', '}', '[', ']']);
const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*\+?=/;

/**
 * The simple commands of `masked` (placeholders already masked) as the real parser would give them, or
 * undefined when the text is not plain enough for this reader.
 */
export function readSimpleShell(masked: string): ShellCall[] | undefined {
  const calls: ShellCall[] = [];
  let words: ShellWord[] = [];
  // After `|`, `&&` or `||` a command must follow (on a later line if need be).
  let needCommand = false;
  let i = 0;
  const endCommand = () => {
    if (words.length === 0) return false;
    calls.push({ words });
    words = [];
    return true;
  };
  while (i < masked.length) {
    const char = masked[i];
    if (char === ' ' || char === '\t') {
      i++;
    } else if (char === '\\' && masked[i + 1] === '\n') {
      i += 2;
    } else if (char === '\n') {
      if (words.length > 0) endCommand();
      i++;
    } else if (char === '#') {
      const end = masked.indexOf('\n', i);
      // mvdan/sh reads a comment's trailing `\` as a continuation into the next line: leave that to it.
      if (end > 0 && masked[end - 1] === '\\') return undefined;
      i = end === -1 ? masked.length : end;
    } else if (char === ';') {
      if (masked[i + 1] === ';' || masked[i + 1] === '&' || !endCommand() || needCommand) return undefined;
      i++;
    } else if (char === '|' || char === '&') {
      const double = masked[i + 1] === char;
      if ((char === '&' && !double) || (char === '|' && masked[i + 1] === '&')) return undefined;
      if (needCommand || !endCommand()) return undefined;
      needCommand = true;
      i += double ? 2 : 1;
    } else {
      const word = readWord(masked, i);
      if (!word) return undefined;
      // Checked on the value too: a `\` + newline inside the word does not hide `FOO=bar` or `fi`.
      const first = words.length === 0;
      if (first && (RESERVED.has(word.raw) || RESERVED.has(word.value) || ASSIGNMENT.test(word.raw) || ASSIGNMENT.test(word.value))) return undefined;
      words.push(word);
      needCommand = false;
      i = word.end;
    }
  }
  if (needCommand) return undefined;
  endCommand();
  return calls;
}

function readWord(masked: string, start: number): ShellWord | undefined {
  let value = '';
  let i = start;
  // Where the word ends if only `\` + newline continuations follow: after a closing quote, they are not part of
  // it; after plain characters, the real parser counts them in.
  let afterQuote: number | undefined;
  while (i < masked.length && !WORD_END.has(masked[i])) {
    const char = masked[i];
    if (UNSUPPORTED.has(char)) return undefined;
    if (char === '\\' && masked[i + 1] === '\n') {
      // After a quote, the real parser reads `\` + newline + `#` as the start of a comment.
      if (afterQuote !== undefined && masked[i + 2] === '#') return undefined;
      i += 2;
      continue;
    }
    afterQuote = undefined;
    if (char === "'") {
      const close = masked.indexOf("'", i + 1);
      if (close === -1) return undefined;
      value += masked.slice(i + 1, close);
      i = afterQuote = close + 1;
    } else if (char === '"') {
      let close = i + 1;
      for (; close < masked.length && masked[close] !== '"'; close++) {
        if (masked[close] === '$' || masked[close] === '`') return undefined;
        if (masked[close] === '\\') close++;
      }
      if (close >= masked.length) return undefined;
      value += unescapeDouble(masked.slice(i + 1, close));
      i = afterQuote = close + 1;
    } else if (char === '\\') {
      if (i + 1 >= masked.length) return undefined;
      value += masked[i + 1];
      i += 2;
    } else {
      value += char;
      i++;
    }
  }
  const end = afterQuote ?? i;
  return { value: unmaskPlaceholders(value), raw: unmaskPlaceholders(masked.slice(start, end)), start, end, dynamic: false };
}

/** Inside double quotes a backslash escapes only `$`, backtick, `"`, `\` and newline. */
function unescapeDouble(text: string): string {
  return text.includes('\\') ? text.replace(/\\([$`"\\\n])/g, (_, char: string) => (char === '\n' ? '' : char)) : text;
}
