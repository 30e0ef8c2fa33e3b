// A fenced `json` block that shows a command's answer matches what the command prints: every key it shows exists
// there (no wrong wrapper), values have the answer's types and enum members, and no key of a command that deletes
// nulls is shown as null (a warning). The command is named by `<!-- response: <domain> <resource> <action> -->`
// on the line before the fence, or by the nearest heading above the block (`## Batch: \`batch get\``).
import type { Rule } from '../core/rule.ts';
import { jsonLocations, parseDocJsonValue } from '../parse/doc-json.ts';
import { offsetInBlock } from '../parse/positions.ts';
import { type AnswerProblem, checkAnswer, weight } from '../schema/answer-check.ts';
import { commandName } from '../schema/index.ts';
import { resultOf } from '../schema/results.ts';
import { answerBlocks } from './output-support.ts';

const rule: Rule = {
  meta: {
    id: 'output-block',
    description:
      "A `json` block showing a command's answer (named by `<!-- response: <domain> <resource> <action> -->` before the fence, or by the heading above it) matches the command's result schema: keys, wrapper, types, enum members; a null the command deletes is a warning.",
    severity: 'error',
    profile: 'cargo',
  },
  checkFile(doc, context) {
    for (const shown of answerBlocks(doc)) {
      const { block } = shown;
      const fence = block.span;
      if (shown.kind === 'unresolved') {
        context.report({ span: shown.span, message: `\`${shown.words}\` in the response annotation is not a command`, hint: shown.hint });
        continue;
      }
      // The value alone (the native parser, for strict JSON) is all the checks read; where each part of it is
      // written is worked out only for a block with something to report.
      const parsed = parseDocJsonValue(block.value);
      if (!parsed.ok) continue;
      const results = shown.commands.map((command) => ({ command, result: resultOf(command) }));
      const bodies = results.filter((entry) => entry.result?.kind === 'body' || entry.result?.kind === 'unknown');
      if (bodies.length === 0) {
        const names = shown.commands.map((command) => `\`${commandName(command)}\``).join(', ');
        context.report({ span: { start: fence.start, end: fence.start }, message: `${names} print${shown.commands.length > 1 ? '' : 's'} no answer, yet this block shows one`, hint: 'the command exits 0 with nothing on stdout; describe that in prose instead' });
        continue;
      }
      // A heading may name several commands: the block shows the answer of whichever it matches best.
      let best: AnswerProblem[] | undefined;
      let bestCommand = bodies[0].command;
      for (const { command, result } of bodies) {
        // A command whose answer the types cannot tell accepts any block.
        if (result?.kind !== 'body') {
          best = [];
          break;
        }
        const found = checkAnswer(parsed.value, result);
        if (!best || weight(found) < weight(best)) {
          best = found;
          bestCommand = command;
        }
        if (found.length === 0) break;
      }
      if (!best || best.length === 0) continue;
      const locations = jsonLocations(block.value);
      for (const problem of best) {
        const location = locations.get(problem.pointer);
        const startInBlock = problem.atKey ? (location?.keyStart ?? location?.start ?? 0) : (location?.start ?? 0);
        const endInBlock = problem.atKey && location?.keyStart !== undefined ? block.value.indexOf('"', location.keyStart + 1) + 1 : (location?.end ?? startInBlock);
        const start = offsetInBlock(block.value, block.lineOffsets, startInBlock);
        const end = offsetInBlock(block.value, block.lineOffsets, Math.max(endInBlock, startInBlock));
        context.report({
          span: { start: doc.pointAt(start), end: doc.pointAt(end) },
          message: `\`${commandName(bestCommand)}\`: ${problem.message}`,
          ...(problem.hint ? { hint: problem.hint } : {}),
          ...(problem.lesser ? { severity: 'warning' as const } : {}),
        });
      }
    }
  },
};

export default rule;
