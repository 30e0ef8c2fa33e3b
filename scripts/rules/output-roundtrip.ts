// A flag value copied out of an answer (`--actions "$(jq -c .release.actions draft.json)"`) must be accepted by
// the flag for the least answer the command may print: only the keys its type guarantees, and no null-valued
// key where the client's fetcher deletes them (every method but those passing `replaceNullByUndefined: false`).
import type { Rule } from '../core/rule.ts';
import { readArguments } from '../schema/check.ts';
import { commandName, loadCliSchema, resolveCommand } from '../schema/index.ts';
import { leastValues, resultOf } from '../schema/results.ts';
import { answerReadBy, jqPathText } from './output-support.ts';

const rule: Rule = {
  meta: {
    id: 'output-roundtrip',
    description: "A flag value copied from a command's answer (`$(cargo-ai … | jq …)`, or `$(jq … file)` saved by `cargo-ai … > file` on the page) is accepted by the flag for the least answer: guaranteed keys only, nulls deleted where the command deletes them.",
    severity: 'error',
    profile: 'cargo',
  },
  checkFile(doc, context) {
    const schema = loadCliSchema();
    for (const invocation of context.invocations) {
      // Only a `$(…)` word can hand on a value read from an answer.
      if (!invocation.args.some((word) => word.dynamic && word.value.startsWith('$('))) continue;
      const resolved = resolveCommand(invocation.args.map((word) => word.value), schema);
      if (!resolved.ok) continue;
      for (const argument of readArguments(invocation, resolved.command, resolved.consumed, schema)) {
        if (argument.kind !== 'flag' || !argument.spec || argument.valueIndex === undefined) continue;
        const word = invocation.args[argument.valueIndex];
        const read = answerReadBy(doc, word);
        if (!read) continue;
        const result = resultOf(read.command);
        if (result?.kind !== 'body') continue;
        const { values, absent } = leastValues(result, read.path, schema);
        if (values.length === 0 && !absent) continue;
        const flag = argument.spec;
        const source = `\`${jqPathText(read.path)}\` of \`${commandName(read.command)}\``;
        const stripping = result.keepsNulls ? '' : ` (\`${commandName(read.command)}\` deletes every null-valued key from its answer)`;
        if (absent && !acceptsNull(flag)) {
          context.report({
            span: word.span,
            message: `\`--${flag.name}\` takes ${source}, which the answer may lack${stripping}: jq then prints \`null\``,
            hint: `read a key the answer always has, or give \`--${flag.name}\` a fallback (\`${jqPathText(read.path)} // <value>\`)`,
          });
          continue;
        }
        if (flag.type !== 'json' || !flag.schema) continue;
        for (const value of values) {
          const check = schema.json.check(flag.schema, JSON.stringify(value));
          if (check.ok || !('problems' in check)) continue;
          const problem = check.problems[0];
          context.report({
            span: word.span,
            message: `\`--${flag.name}\` takes ${source}, but an answer with only its guaranteed keys${stripping} is refused: ${problem.message}`,
            hint: `fill in what the flag requires before the copy (jq: \`${jqPathText(read.path)} | <add the keys>\`), or write the value out`,
          });
          break;
        }
      }
    }
  },
};

/** A JSON flag whose schema takes `null`; plain flags get the text `null`, never right. */
function acceptsNull(flag: { type: string; schema?: Record<string, unknown> }): boolean {
  if (flag.type !== 'json' || !flag.schema) return false;
  return loadCliSchema().json.check(flag.schema, 'null').ok;
}

export default rule;
