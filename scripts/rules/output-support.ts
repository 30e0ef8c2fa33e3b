// What the output rules share: finding the command a value or block shows the answer of.
import type { Document, Word } from '../core/types.ts';
import { type ShellStep, jqArguments, savedBefore, stepsInside } from '../extract/shell-flows.ts';
import { type SimplePathStep, readSimplePath } from '../parse/jq-simple-path.ts';
import { type CommandSpec, resolveCommand } from '../schema/index.ts';

const NPX_PACKAGE = /^@cargo-ai\/cli(?:@\S+)?$/;

/** The command a shell call runs, when it is `cargo-ai …` (or `npx @cargo-ai/cli …`) with a known command path. */
export function commandOfStep(step: ShellStep): CommandSpec | undefined {
  const words = step.words.map((word) => word.value);
  let start: number;
  if (words[0] === 'cargo-ai') start = 1;
  else if (words[0] === 'npx') {
    const at = words.findIndex((word) => NPX_PACKAGE.test(word));
    if (at < 0) return undefined;
    start = at + 1;
  } else return undefined;
  if (step.words.slice(start, start + 3).some((word) => word.dynamic)) return undefined;
  const resolved = resolveCommand(words.slice(start));
  return resolved.ok ? resolved.command : undefined;
}

export interface AnswerRead {
  /** The command whose answer is read. */
  command: CommandSpec;
  /** The jq call that reads it, and the path its filter names. */
  jq: ShellStep;
  filter: Word;
  path: SimplePathStep[];
  /** `jq -r`: strings are printed bare. */
  raw: boolean;
  /** The file the answer was saved to, when jq reads one. */
  file?: string;
}

/**
 * The answer a `$(…)` word hands on: its last call is `jq <plain path>`, reading either a `cargo-ai` call piped
 * into it or a file an earlier call on the same page saved with `> file`.
 */
export function answerReadBy(doc: Document, word: Word): AnswerRead | undefined {
  if (!word.dynamic || !/^\$\([\s\S]*\)$/.test(word.value)) return undefined;
  const inside = stepsInside(doc, word);
  const jq = inside[inside.length - 1];
  const args = jq && jqArguments(jq);
  if (!args || args.files.length > 1) return undefined;
  const path = readSimplePath(args.filter.value);
  if (!path) return undefined;
  const file = args.files[0]?.value;
  const source = file === undefined ? jq.pipedFrom : savedBefore(doc, file, word.span.start.offset);
  const command = source && commandOfStep(source);
  if (!command) return undefined;
  return { command, jq, filter: args.filter, path, raw: args.raw, ...(file !== undefined ? { file } : {}) };
}

/** `.release.actions`, `.runs[0].uuid` */
export function jqPathText(path: readonly SimplePathStep[]): string {
  if (path.length === 0) return '.';
  return path.map((step) => (typeof step === 'number' ? `[${step}]` : /^[A-Za-z_]\w*$/.test(step) ? `.${step}` : `.${JSON.stringify(step)}`)).join('').replace(/^\[/, '.[');
}
