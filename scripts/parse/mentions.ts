// Paths a page names without a markdown link: `scripts/pack.py` in prose or code, `python scripts/run.py` in a
// shell block, `references/<lang>/api.md` as a pattern, a folder in backticks. Agents follow these as they
// follow links, so a file named this way is part of the skill.

/**
 * A run of the characters a path is written with (placeholders such as `<lang>` and `{name}`, and globs,
 * included) that holds a `.` or a `/`: only those can name a file or folder. It must start where a run
 * starts (the look-behind), so each run is tried once, and the scan stays linear on any input.
 */
const PATH_RUN = /(?<![\w.@~$*<>{}\u2026/-])[\w.@~$*<>{}\u2026/-]*[./][\w.@~$*<>{}\u2026/-]*/g;
const COLON = 58;
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
  for (const match of text.matchAll(PATH_RUN)) {
    const run = match[0].replace(/\.+$/, '');
    if (run.length > MAX_PATH_LENGTH || !(run.includes('/') || FILE_NAME.test(run))) continue;
    // A URL's path is not the skill's: skip what follows a scheme.
    if (run.startsWith('//') || text.charCodeAt(match.index! - 1) === COLON) continue;
    add(run);
    if (found.size >= MAX_MENTIONS) break;
  }
  for (const match of text.matchAll(PYTHON_IMPORT)) add(match[1]);
  for (const code of inlineCode) if (CODE_WORD.test(code)) add(code);
  return [...found];
}
