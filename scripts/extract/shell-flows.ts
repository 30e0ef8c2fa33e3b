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

/** A jq call's filter and input files (options and their arguments skipped). */
export function jqArguments(command: ShellCommand): { filter: Word; files: Word[] } | undefined {
  if (command.words[0]?.value !== 'jq') return undefined;
  const rest: Word[] = [];
  for (let index = 1; index < command.words.length; index++) {
    const word = command.words[index];
    if (/^--(?:arg|argjson|slurpfile|rawfile)$/.test(word.value)) index += 2;
    else if (word.value === '--indent') index += 1;
    else if (!(word.value.startsWith('-') && word.value.length > 1 && rest.length === 0)) rest.push(word);
  }
  const [filter, ...files] = rest;
  return filter ? { filter, files } : undefined;
}
