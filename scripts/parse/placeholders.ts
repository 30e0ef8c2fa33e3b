// Documentation placeholders (`<uuid>`, `<your value here>`, `...`): recognising them, and hiding their
// angle brackets from the shell parser, which would otherwise read them as redirections.

/** Stand-ins of the same length as the characters they replace, so every offset stays valid. */
const OPEN = '\x01';
const CLOSE = '\x02';
const SPACE = '\x03';

// `<` + letter, then name characters, then `>`. Not after `<` or `>` (heredocs, `<<<`, `>>`), and not after a
// file-descriptor number that starts a word (`2<in>`): those are real redirections.
const NAME = '[A-Za-z][A-Za-z0-9_.:/|,=*+#@-]*';
// Several plain words in one pair of brackets (`<your api token>`), read as one placeholder.
const SPACED = '[A-Za-z][A-Za-z0-9_.-]*(?: [A-Za-z0-9_.-]+)+';
const SHELL_PLACEHOLDER = new RegExp(`(?<![<>])(?<!(?:^|[\\s;|&()])\\d+)<(${SPACED}|${NAME})>`, 'g');

const WHOLE_PLACEHOLDER = /^<[^<>\s](?:[^<>]*[^<>\s])?>$/;
const SOME_PLACEHOLDER = /<[A-Za-z][^<>]*>/;
const ELLIPSES = new Set(['...', '…']);

/** A whole word or JSON string that only stands for a value: `<uuid>`, `<play.workflowUuid>`, `...`. */
export function isPlaceholder(value: string): boolean {
  return ELLIPSES.has(value) || WHOLE_PLACEHOLDER.test(value);
}

/** `isPlaceholder` as a JSON Schema, for validators that must be plain generated code. */
export const PLACEHOLDER_SCHEMA = {
  type: 'string',
  anyOf: [{ enum: [...ELLIPSES] }, { pattern: WHOLE_PLACEHOLDER.source }],
};

/** A value with a placeholder somewhere inside it (`<uuid>,<uuid>`, `https://x/<id>`). */
export function containsPlaceholder(value: string): boolean {
  return SOME_PLACEHOLDER.test(value) || value.includes('...');
}

/** Replaces the brackets (and inner spaces) of placeholder-shaped tokens with markers of equal length. */
export function maskPlaceholders(text: string): string {
  if (!text.includes('<')) return text;
  return text.replace(SHELL_PLACEHOLDER, (match: string, inner: string) => {
    // `<in 2>` is an input redirect followed by a stderr redirect, not a placeholder.
    if (inner.includes(' ') && /\s\d+$/.test(inner)) return match;
    return OPEN + inner.replaceAll(' ', SPACE) + CLOSE;
  });
}

/** Undoes `maskPlaceholders` in any text cut from the masked source. */
export function unmaskPlaceholders(text: string): string {
  if (!/[\x01-\x03]/.test(text)) return text;
  return text.replaceAll(OPEN, '<').replaceAll(CLOSE, '>').replaceAll(SPACE, ' ');
}
