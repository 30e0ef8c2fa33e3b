// What a shell word's quoting means: the value of each kind of literal, with its escapes removed.

/** Outside quotes a backslash escapes the next character; before a newline it joins the lines. */
export function unescapeBare(text: string): string {
  return text.includes('\\') ? text.replace(/\\([\s\S])/g, (_, char: string) => (char === '\n' ? '' : char)) : text;
}

/**
 * Inside double quotes a backslash only escapes `$`, backtick, `"`, `\` and newline. The parser ends a
 * literal before a `\`-newline continuation, so a lone backslash at the very end is one too.
 */
export function unescapeDouble(text: string): string {
  return text.includes('\\') ? text.replace(/\\([$`"\\\n]|$)/g, (_, char: string) => (char === '\n' ? '' : char)) : text;
}

const ANSI: Record<string, string> = { n: '\n', t: '\t', r: '\r', a: '\x07', b: '\b', e: '\x1b', f: '\f', v: '\v' };

/** `$'...'` strings: C-style escapes. */
export function unescapeAnsi(text: string): string {
  return text.replace(/\\(x[0-9A-Fa-f]{1,2}|[\s\S])/g, (_, escape: string) =>
    escape.length > 1 ? String.fromCharCode(parseInt(escape.slice(1), 16)) : (ANSI[escape] ?? escape),
  );
}
