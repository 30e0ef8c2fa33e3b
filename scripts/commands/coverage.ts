// Coverage of the command tree by hand-written examples: a command counts as shown when an example in a page
// an author wrote resolves to it. Generated reference pages (`references/commands.md`) and `--help` calls do
// not count. Answers are covered the same way: a command that prints a body counts as documented when a page
// shows its answer in a `json` block that fits its result schema.
import path from 'node:path';
import type { Document, Invocation } from '../core/types.ts';
import { extractShell } from '../extract/invocations.ts';
import { readJqCall, savedBefore } from '../extract/shell-flows.ts';
import { parseDocJson } from '../parse/doc-json.ts';
import { answerBlocks, commandOfCall } from '../rules/output-support.ts';
import { checkAnswer } from '../schema/answer-check.ts';
import { type CommandSpec, commandName, commandsOf, loadCliSchema, resolveCommand } from '../schema/index.ts';
import { resultOf } from '../schema/results.ts';

export interface DomainCoverage {
  domain: string;
  total: number;
  shown: number;
  /** Commands without an example (`orchestration run count`), sorted. */
  missing: string[];
}

export interface CoverageOptions {
  /** Domains to report (default: every API domain). */
  domains?: string[];
  /** Files whose examples do not count (default: `commands.md` inside a `references/` folder). */
  isGenerated?: (file: string) => boolean;
}

export function isGeneratedReference(file: string): boolean {
  const parts = file.split(/[\\/]/);
  return path.basename(file) === 'commands.md' && parts.slice(0, -1).includes('references');
}

const ASKS_HELP = new Set(['--help', '-h', '--version', '-V']);

export function computeCoverage(invocationsByFile: Map<string, Invocation[]>, options: CoverageOptions = {}): DomainCoverage[] {
  const schema = loadCliSchema();
  const isGenerated = options.isGenerated ?? isGeneratedReference;
  const shown = new Set<string>();
  for (const [file, invocations] of invocationsByFile) {
    if (isGenerated(file)) continue;
    for (const invocation of invocations) {
      if (invocation.args.some((word) => ASKS_HELP.has(word.value))) continue;
      const resolved = resolveCommand(
        invocation.args.map((word) => word.value),
        schema,
      );
      if (resolved.ok) shown.add(commandName(resolved.command));
    }
  }
  return (options.domains ?? schema.domains).map((domain) => {
    const names = commandsOf(domain, schema).map(commandName);
    const missing = names.filter((name) => !shown.has(name)).sort();
    return { domain, total: names.length, shown: names.length - missing.length, missing };
  });
}

export interface AnswerCoverage {
  domain: string;
  /** Commands of the domain that print a JSON body. */
  total: number;
  documented: number;
  /** Commands with a body and no documented answer block, sorted. */
  missing: string[];
}

export interface AnswerReport {
  domains: AnswerCoverage[];
  /**
   * Commands that should have an answer block and have none: those an example reads with jq (piped, or saved
   * to a file jq reads), and the `get` and `list` commands a capability skill shows in an example.
   */
  targets: { command: string; why: 'read with jq' | 'get/list in a capability skill' }[];
}

/** Skills that are not about one capability: the router and the outcome skill. */
const NOT_CAPABILITY = new Set(['cargo', 'cargo-gtm']);

/**
 * Which commands that print a body have a documented answer: a `json` block `output-block` checks (named by a
 * `<!-- response: … -->` annotation, or by a heading) that fits the command's result schema.
 */
export function computeAnswerCoverage(documents: Map<string, Document>, options: CoverageOptions = {}): AnswerReport {
  const schema = loadCliSchema();
  const isGenerated = options.isGenerated ?? isGeneratedReference;
  const documented = new Set<CommandSpec>();
  const readWithJq = new Set<CommandSpec>();
  const getOrList = new Set<CommandSpec>();
  for (const [file, doc] of documents) {
    if (isGenerated(file)) continue;
    for (const shown of answerBlocks(doc)) {
      if (shown.kind !== 'answer') continue;
      const parsed = parseDocJson(shown.block.value);
      if (!parsed.ok) continue;
      for (const command of shown.commands) {
        const result = resultOf(command);
        if (result?.kind === 'body' && checkAnswer(parsed.value, result).every((problem) => problem.lesser)) documented.add(command);
      }
    }
    const steps = extractShell(doc).commands;
    for (const step of steps) {
      const jq = readJqCall(step.words);
      if (!jq || jq.nullInput) continue;
      const file = jq.files[0];
      const source = file === undefined ? step.input : savedBefore(doc, file, step.words[0].span.start.offset);
      const command = source && commandOfCall(source);
      if (command) readWithJq.add(command);
    }
    const skill = doc.file.skillDir ? path.basename(doc.file.skillDir) : undefined;
    if (skill && !NOT_CAPABILITY.has(skill)) {
      for (const step of steps) {
        const command = commandOfCall(step);
        if (command && (command.path[2] === 'get' || command.path[2] === 'list')) getOrList.add(command);
      }
    }
  }
  const printsBody = (command: CommandSpec) => resultOf(command)?.kind === 'body';
  const domains = (options.domains ?? schema.domains).map((domain) => {
    const withBody = commandsOf(domain, schema).filter(printsBody);
    const missing = withBody.filter((command) => !documented.has(command)).map(commandName).sort();
    return { domain, total: withBody.length, documented: withBody.length - missing.length, missing };
  });
  const targets: AnswerReport['targets'] = [];
  for (const command of [...readWithJq].filter(printsBody).sort(byName)) if (!documented.has(command)) targets.push({ command: commandName(command), why: 'read with jq' });
  for (const command of [...getOrList].filter(printsBody).sort(byName)) {
    if (!documented.has(command) && !readWithJq.has(command)) targets.push({ command: commandName(command), why: 'get/list in a capability skill' });
  }
  return { domains, targets };
}

function byName(a: CommandSpec, b: CommandSpec): number {
  const left = commandName(a);
  const right = commandName(b);
  return left < right ? -1 : left > right ? 1 : 0;
}
