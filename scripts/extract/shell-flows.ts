// How answers travel in a page's shell examples, read from the commands extractShell keeps with their pipes
// and saves: which call a `$(…)` word runs, which file a call saved its output to (`cargo-ai … > draft.json`)
// so that a later `jq … draft.json` traces back to the command that printed it, and what a jq call reads.
import type { Document, Word } from '../core/types.ts';
import { type ShellCommand, extractShell } from './invocations.ts';

const start = (command: ShellCommand) => command.words[0].span.start.offset;
const end = (command: ShellCommand) => command.words[command.words.length - 1].span.end.offset;

/** The calls that run inside `word` (a `$(…)` substitution), in order. */
export function commandsInside(doc: Document, word: Word): ShellCommand[] {
  return extractShell(doc).commands.filter((command) => start(command) >= word.span.start.offset && end(command) <= word.span.end.offset);
}

/** The last call before `offset` that saved its output to `file`. */
export function savedBefore(doc: Document, file: string, offset: number): ShellCommand | undefined {
  let found: ShellCommand | undefined;
  for (const command of extractShell(doc).commands) {
    if (start(command) >= offset) break;
    if (command.writes === file) found = command;
  }
  return found;
}

/** How one `jq` call reads its input and which word is its filter. */
export interface JqCall {
  filter: Word;
  /** Files named after the filter (empty: it reads standard input). */
  files: string[];
  nullInput: boolean;
  slurp: boolean;
  /** `--slurpfile name file` / `--argfile name file`: variables bound to a file's values. */
  fileVariables: Record<string, string>;
}

// Options of jq that take one or two values.
const ONE_VALUE = new Set(['-L', '--indent']);
const TWO_VALUES = new Set(['--arg', '--argjson', '--slurpfile', '--rawfile', '--argfile']);
// Options after which the input is not the answer's JSON, or the filter is not in the command.
const UNREADABLE = new Set(['-f', '--from-file', '-R', '--raw-input', '--stream', '--seq', '--stream-errors']);

/** The filter word and inputs of `jq` words; undefined when the call reads what a page cannot show (`-f`, `-R`, `--stream`), or is no jq call. */
export function readJqCall(words: Word[]): JqCall | undefined {
  if (words[0]?.value !== 'jq' || words[0].dynamic) return undefined;
  let filter: Word | undefined;
  const files: string[] = [];
  const fileVariables: Record<string, string> = {};
  let nullInput = false;
  let slurp = false;
  // After `--args` / `--jsonargs`, words after the filter are values for `$ARGS`, not files.
  let positionalArguments = false;
  for (let index = 1; index < words.length; index++) {
    const value = words[index].value;
    if (value.startsWith('-') && value.length > 1) {
      if (UNREADABLE.has(value)) return undefined;
      if (value === '--args' || value === '--jsonargs') positionalArguments = true;
      else if (value === '-n' || value === '--null-input') nullInput = true;
      else if (value === '-s' || value === '--slurp') slurp = true;
      else if (ONE_VALUE.has(value)) index++;
      else if (TWO_VALUES.has(value)) {
        if (value === '--slurpfile' || value === '--argfile') fileVariables[words[index + 1]?.value ?? ''] = words[index + 2]?.value ?? '';
        index += 2;
      } else if (/^-[a-zA-Z]+$/.test(value)) {
        if (/[fLR]/.test(value)) return undefined;
        if (value.includes('n')) nullInput = true;
        if (value.includes('s')) slurp = true;
      }
    } else if (filter === undefined) {
      filter = words[index];
    } else if (!positionalArguments) {
      files.push(value);
    }
  }
  if (!filter || filter.dynamic) return undefined;
  return { filter, files, nullInput, slurp, fileVariables };
}
