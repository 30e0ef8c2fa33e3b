// output-jq: a jq filter that reads a command's answer reads paths that answer has. The answer reaches jq
// through a pipe (`cargo-ai … | jq '…'`, also inside `$(…)`), or through a file the page saved earlier with
// `cargo-ai … > file`. A wrong path gives `null` silently, and the next command runs on `null`.
import type { FileContext, Rule } from '../core/rule.ts';
import type { Document, Span, Word } from '../core/types.ts';
import { extractShell, offsetInValue, type ShellCommand } from '../extract/invocations.ts';
import { commandOfCall } from './output-support.ts';
import { JqSyntaxError, parseJq } from '../parse/jq.ts';
import { commandName, loadCliSchema, type CommandSpec } from '../schema/index.ts';
import { checkJqPaths } from '../schema/jq-paths.ts';
import { resultOf } from '../schema/results.ts';

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

/** The filter word and inputs of `jq` words; undefined when the call is not one this rule can follow. */
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

/** The command an invocation runs, when it prints an answer (not its help). */
function spanIn(doc: Document, word: Word, start: number, end: number): Span {
  const from = offsetInValue(doc, word, start);
  const to = offsetInValue(doc, word, end);
  if (from === undefined || to === undefined || to < from) return word.span;
  return { start: doc.pointAt(from), end: doc.pointAt(to) };
}

function check(doc: Document, context: FileContext): void {
  const { commands } = extractShell(doc);
  // Files the page saved from a command's answer, as it reads on: a later save of the same name replaces it.
  const saved = new Map<string, CommandSpec>();
  for (const shell of commands) {
    const jq = readJqCall(shell.words);
    if (jq) checkCall(doc, context, shell, jq, saved);
    if (shell.writes) {
      const producer = commandOfCall(shell);
      if (producer) saved.set(shell.writes, producer);
      else saved.delete(shell.writes);
    }
  }
}

function checkCall(doc: Document, context: FileContext, shell: ShellCommand, jq: JqCall, saved: Map<string, CommandSpec>): void {
  let source: CommandSpec | undefined;
  if (jq.files.length > 0) {
    const producers = jq.files.map((file) => saved.get(file));
    if (producers.some((producer) => producer !== producers[0])) return;
    source = producers[0];
  } else if (!jq.nullInput) {
    source = commandOfCall(shell.input);
  }
  const variables: Record<string, 'answers'> = {};
  let variableSource: CommandSpec | undefined;
  for (const [name, file] of Object.entries(jq.fileVariables)) {
    const producer = saved.get(file);
    if (producer && (!variableSource || variableSource === producer) && (!source || source === producer)) {
      variables[name] = 'answers';
      variableSource = producer;
    }
  }
  const command = source ?? variableSource;
  if (!command) return;
  const result = resultOf(command);
  if (!result || result.kind === 'unknown') return;
  const name = commandName(command);
  if (result.kind === 'none') {
    if (source) context.report({ span: jq.filter.span, message: `\`${name}\` prints nothing, so this filter reads no answer.` });
    return;
  }
  let filter;
  try {
    filter = parseJq(jq.filter.value);
  } catch (error) {
    if (!(error instanceof JqSyntaxError)) throw error;
    context.report({ span: spanIn(doc, jq.filter, error.offset, error.offset + 1), message: `jq cannot read this filter: ${error.message}.` });
    return;
  }
  const findings = checkJqPaths(filter, {
    schema: result.schema,
    references: loadCliSchema(),
    command: name,
    readsAnswer: source !== undefined && !jq.nullInput,
    slurped: jq.slurp,
    variables,
  });
  for (const finding of findings) {
    context.report({ span: spanIn(doc, jq.filter, finding.span.start, finding.span.end), message: finding.message });
  }
}

const rule: Rule = {
  meta: {
    id: 'output-jq',
    description: 'A jq filter that reads a command\'s answer (piped, in `$(…)`, or from a file the page saved with `> file`) reads only paths the answer has.',
    severity: 'error',
    profile: 'cargo',
  },
  checkFile: check,
};

export default rule;
