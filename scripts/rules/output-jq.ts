// output-jq: a jq filter that reads a command's answer reads paths that answer has. The answer reaches jq
// through a pipe (`cargo-ai … | jq '…'`, also inside `$(…)`), or through a file the page saved earlier with
// `cargo-ai … > file`. A wrong path gives `null` silently, and the next command runs on `null`.
import type { FileContext, Rule } from '../core/rule.ts';
import type { Document, Span, Word } from '../core/types.ts';
import { extractShell, offsetInValue, type ShellCommand } from '../extract/invocations.ts';
import { type JqCall, readJqCall } from '../extract/shell-flows.ts';
import { commandOfCall } from './output-support.ts';
import { JqSyntaxError, parseJq } from '../parse/jq.ts';
import { commandName, loadCliSchema, type CommandSpec } from '../schema/index.ts';
import { checkJqPaths } from '../schema/jq-paths.ts';
import { resultOf } from '../schema/results.ts';

/** The span of `start`..`end` of a word's value in the page, or the word's own span where it cannot be placed. */
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
