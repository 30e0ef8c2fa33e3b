// How answers travel in a page's shell examples: which command's output a call reads through a pipe (`cargo-ai
// … | jq …`), and which file a call saves its output to (`cargo-ai … > draft.json`), so a later `jq … draft.json`
// can be traced back to the command that printed it. Shell fences only (terminal sessions show output, not flows).
import type { Document, Span, Word } from '../core/types.ts';
import { parseShell } from '../parse/shell.ts';
import { modeOf, sourceOf } from './invocations.ts';

export interface ShellStep {
  words: Word[];
  span: Span;
  /** The call whose output this one reads on its standard input (`a | b`: b's `pipedFrom` is a). */
  pipedFrom?: ShellStep;
  /** The file its standard output goes to (`> file`). */
  savedTo?: string;
}

const memo = new WeakMap<Document, ShellStep[]>();

/** Every simple command of the document's shell fences, in document order. */
export function shellSteps(doc: Document): ShellStep[] {
  const known = memo.get(doc);
  if (known) return known;
  const steps: ShellStep[] = [];
  for (const block of doc.codeBlocks) {
    if (block.unterminated || !/cargo-ai|\bjq\b/.test(block.value)) continue;
    const lines = block.value.split(/\r?\n/);
    if (modeOf(block.lang, lines) !== 'shell') continue;
    const source = sourceOf(lines, block.lineOffsets, '\n');
    const parsed = parseShell(source.text);
    if (parsed.errors.length > 0) continue;
    let previous: { step: ShellStep; end: number } | undefined;
    for (const call of parsed.calls) {
      if (call.words.length === 0) continue;
      const toWord = (word: (typeof call.words)[number]): Word => ({
        value: word.value,
        raw: word.raw,
        span: { start: doc.pointAt(source.toDoc(word.start)), end: doc.pointAt(source.toDoc(word.end)) },
        dynamic: word.dynamic,
      });
      const words = call.words.map(toWord);
      const first = call.words[0];
      const last = call.words[call.words.length - 1];
      const step: ShellStep = { words, span: { start: words[0].span.start, end: words[words.length - 1].span.end } };
      // What stands between the previous call and this one: a lone `|` makes a pipe (line continuations aside).
      if (previous && previous.end <= first.start) {
        const between = source.text.slice(previous.end, first.start).replace(/\\\n/g, '').trim();
        if (between === '|') step.pipedFrom = previous.step;
      }
      const saved = /^[ \t]*(?:1)?>[ \t]*([^\s;|&)<>]+)/.exec(source.text.slice(last.end));
      if (saved) step.savedTo = saved[1].replace(/^["']|["']$/g, '');
      steps.push(step);
      previous = { step, end: saved ? last.end + saved[0].length : last.end };
    }
  }
  memo.set(doc, steps);
  return steps;
}

/** The calls that run inside `word` (a `$(…)` substitution), in order. */
export function stepsInside(doc: Document, word: Word): ShellStep[] {
  return shellSteps(doc).filter((step) => step.span.start.offset >= word.span.start.offset && step.span.end.offset <= word.span.end.offset);
}

/** The last call before `offset` that saved its output to `file`. */
export function savedBefore(doc: Document, file: string, offset: number): ShellStep | undefined {
  let found: ShellStep | undefined;
  for (const step of shellSteps(doc)) {
    if (step.span.start.offset >= offset) break;
    if (step.savedTo === file) found = step;
  }
  return found;
}

/** A jq call's filter and input files (options and their arguments skipped). */
export function jqArguments(step: ShellStep): { filter: Word; files: Word[] } | undefined {
  if (step.words[0]?.value !== 'jq') return undefined;
  const rest: Word[] = [];
  for (let index = 1; index < step.words.length; index++) {
    const word = step.words[index];
    if (/^--(?:arg|argjson|slurpfile|rawfile)$/.test(word.value)) index += 2;
    else if (word.value === '--indent') index += 1;
    else if (!(word.value.startsWith('-') && word.value.length > 1 && rest.length === 0)) rest.push(word);
  }
  const [filter, ...files] = rest;
  return filter ? { filter, files } : undefined;
}
