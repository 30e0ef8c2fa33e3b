// Paths a page names without a markdown link: `scripts/pack.py` in prose or code, `python scripts/run.py` in a
// shell block, `references/<lang>/api.md` as a pattern, a folder in backticks. Agents follow these as they
// follow links, so a file named this way is part of the skill.

/**
 * The characters a path is written with: word characters, `.`, `/`, `-`, and those of placeholders and
 * globs (`<lang>`, `{name}`, `*`, `~`, `$`, `@`, `…`). By character code, below 128.
 */
const PATH_CHAR = new Uint8Array(128);
for (const char of '._@~$*<>{}/-0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ') PATH_CHAR[char.charCodeAt(0)] = 1;
const ELLIPSIS = 0x2026;

function isPathChar(code: number): boolean {
  return code < 128 ? PATH_CHAR[code] === 1 : code === ELLIPSIS;
}

/**
 * Each whole run of path characters that holds a `/`, or a `.` with a path character after it (only those
 * can name a file or folder: a run whose dots all end it is a word before a full stop), with where it
 * starts, until `take` returns false. Found from the `.` and `/` outward, so the prose between them is
 * passed over by `indexOf` rather than read character by character; each run is read once.
 */
export function pathRuns(text: string, take: (run: string, index: number) => boolean): void {
  let nextDot = text.indexOf('.');
  let nextSlash = text.indexOf('/');
  let from = 0;
  for (;;) {
    if (nextDot !== -1 && nextDot < from) nextDot = text.indexOf('.', from);
    if (nextSlash !== -1 && nextSlash < from) nextSlash = text.indexOf('/', from);
    const hit = nextDot === -1 ? nextSlash : nextSlash === -1 ? nextDot : Math.min(nextDot, nextSlash);
    if (hit === -1) return;
    let start = hit;
    while (start > from && isPathChar(text.charCodeAt(start - 1))) start--;
    let end = hit + 1;
    while (end < text.length && isPathChar(text.charCodeAt(end))) end++;
    if (namesPath(text, start, end) && !take(text.slice(start, end), start)) return;
    from = end;
  }
}

const COLON = 58;
const DOT = 46;
const SLASH = 47;

/**
 * Whether the run from `start` to `end` still holds a `.` or `/` once its final dots are dropped. Most runs
 * found from a `.` are a word and its full stop: taking those apart would be most of the scan's work.
 */
function namesPath(text: string, start: number, end: number): boolean {
  let last = end - 1;
  while (last >= start && text.charCodeAt(last) === DOT) last--;
  for (let at = start; at <= last; at++) {
    const code = text.charCodeAt(at);
    if (code === DOT || code === SLASH) return true;
  }
  return false;
}
/** A run ending in a file extension: `forms.md`, `pack.py`. */
const FILE_NAME = /[\w@~-]\.[A-Za-z][A-Za-z0-9]{0,7}$/;
/** Longer runs are data (base64, minified code), not paths. */
const MAX_PATH_LENGTH = 300;
/** A Python import (`from core.gif_builder import`, `import scripts.pack`): the module names a file. */
const PYTHON_IMPORT = /\b(?:from|import)[^\S\n]+([A-Za-z_]\w*(?:\.[A-Za-z_]\w*)+)/g;
/** A word in backticks that may name a folder or file of the skill (`templates`, `LICENSE`). */
const CODE_WORD = /^[\w.-]+\/?$/;
/** Past this many, a page is a listing, not prose: the rest of its mentions add nothing the first did not. */
const MAX_MENTIONS = 2000;

/**
 * Path-like strings of a page, each once, trailing punctuation removed: tokens with a `/` or a file
 * extension anywhere in the text, and single words written as inline code.
 */
export function pathMentions(text: string, inlineCode: readonly string[]): string[] {
  const found = new Set<string>();
  const add = (raw: string) => {
    const value = raw.replace(/[.,:;)]+$/, '');
    if (value.length > 1 && !/^\d+(?:\.\d+)*$/.test(value) && !value.includes('://')) found.add(value);
  };
  pathRuns(text, (whole, index) => {
    const run = whole.replace(/\.+$/, '');
    if (run.length > MAX_PATH_LENGTH || !(run.includes('/') || FILE_NAME.test(run))) return true;
    // A URL's path is not the skill's: skip what follows a scheme.
    if (run.startsWith('//') || text.charCodeAt(index - 1) === COLON) return true;
    add(run);
    return found.size < MAX_MENTIONS;
  });
  for (const match of text.matchAll(PYTHON_IMPORT)) add(match[1]);
  for (const code of inlineCode) if (CODE_WORD.test(code)) add(code);
  return [...found];
}
