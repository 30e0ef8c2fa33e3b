// output-jq: jq filters that read a command's answer, checked against the command's result schema.
import rule from '../../scripts/rules/output-jq.ts';
import { runRuleTests, skillMd, type Case } from '../rule-tester.ts';
import { at, block, flags } from '../schema/command-cases.ts';

const batchGet = `cargo-ai orchestration batch get <batch-uuid> | jq '{status, failedRunsCount}'`;
const misspelled = `cargo-ai orchestration batch get <batch-uuid> | jq -r '.batch.stauts'`;
const substitution = `status=$(cargo-ai orchestration batch get "$batch" | jq -r '.status')`;
const alternative = `cargo-ai orchestration run get <run-uuid> | jq -r '.run.errorMesage // "none"'`;
const iterated = `cargo-ai orchestration tool list | jq -r '.tools[] | select(.nmae == "Company lookup") | .workflowUuid'`;
const nested = `cargo-ai orchestration run get <run-uuid> | jq '.run.runContext'`;
const built = `cargo-ai orchestration batch get <batch-uuid> | jq '.batch | {status} | .failedRunsCount'`;
const continued = [`cargo-ai orchestration batch get <batch-uuid> \\`, `  | jq '.batch.sttus'`];
const savedThenRead = ['cargo-ai context graph get > graph.json', `jq '.graph.brokn' graph.json`];
const noBody = `cargo-ai ai agent remove --uuid <uuid> | jq '.agent'`;
const syntax = `cargo-ai orchestration batch get <batch-uuid> | jq '{a: .batch // 1}'`;

/** A page with a bash block per element of `blocks`. */
function page(name: string, blocks: string[][]): Case {
  return { name, files: { 'a/SKILL.md': skillMd('a', `# A\n\n${blocks.map((lines) => `\`\`\`bash\n${lines.join('\n')}\n\`\`\`\n`).join('\nThen:\n\n')}`) } };
}

runRuleTests(rule, {
  valid: [
    block('the right wrapper', `cargo-ai orchestration batch get <batch-uuid> | jq '.batch | {status, failedRunsCount}'`),
    block('a select filter', `cargo-ai orchestration tool list | jq -r '.tools[] | select(.name == "Company lookup") | .workflowUuid'`),
    block('alternatives, optional reads, iteration, keys and length', `cargo-ai orchestration batch get <batch-uuid> | jq '(.batch.errorMessage // "none"), .batch?.status, (.batch | keys), (.batch | length), [.batch[]?]'`),
    block('a free-form map is not checked below its key', `cargo-ai orchestration run get <run-uuid> | jq -c '.runContext.check.output.anything'`),
    block('object construction read back', `cargo-ai orchestration batch get <batch-uuid> | jq '.batch | {status, runs: .runsCount} | .runs'`),
    block('inside a substitution', `status=$(cargo-ai orchestration batch get "$batch" | jq -r '.batch.status')`),
    block('variables and reduce', `cargo-ai orchestration tool list | jq '.tools as $t | reduce $t[] as $x (0; . + 1)'`),
    block('a filter jq reads with -n and no answer', `cargo-ai orchestration tool list | jq -n '.anything'`),
    block('a command whose answer is not known', `cargo-ai whoami | jq '.anything'`),
    block('a pipe from another program', `echo '{}' | jq '.anything'`),
    block('a dynamic filter', `cargo-ai orchestration tool list | jq "$filter"`),
    page('a saved file read later', [['cargo-ai context graph get > graph.json'], [`jq -r '.graph.nodes[] | .id' graph.json`]]),
    page('a file saved by something else', [[`echo '{}' > graph.json`], [`jq '.anything' graph.json`]]),
    page('a file saved from a command, then overwritten', [['cargo-ai context graph get > out.json', `echo '[]' > out.json`, `jq '.[0]' out.json`]]),
    block('slurped saved answers', ['cargo-ai context graph get > a.json', `jq -n --slurpfile a a.json '$a[0].graph.nodes | length'`]),
  ],
  invalid: [
    flags(
      'the wrapper forgotten (response-shapes)',
      batchGet,
      at(batchGet, 'status', { message: /^`\.status`: `orchestration batch get` prints `\{batch\}`; did you mean `\.batch\.status`\?$/ }),
      at(batchGet, 'failedRunsCount', { message: /did you mean `\.batch\.failedRunsCount`/ }),
    ),
    flags('a misspelled key', misspelled, at(misspelled, '.stauts', { message: /`\.batch` of what `orchestration batch get` prints is .*did you mean `\.batch\.status`/ })),
    flags('inside a substitution', substitution, at(substitution, '.status', { message: /did you mean `\.batch\.status`/ })),
    flags('behind an alternative', alternative, at(alternative, '.errorMesage', { message: /did you mean `\.run\.errorMessage`/ })),
    flags('inside select, on each element', iterated, at(iterated, '.nmae', { message: /`\.tools\[\]` of what .* did you mean `\.tools\[\]\.name`/ })),
    flags('a key at the wrong depth', nested, at(nested, '.runContext', { message: /did you mean `\.runContext`/ })),
    flags('a key the constructed object lacks', built, at(built, '.failedRunsCount', { message: /the object built here is `\{status\}`/ })),
    flags('across a continuation line', continued, at(continued, '.sttus')),
    flags('a file the page saved', savedThenRead, at(savedThenRead, '.brokn', { message: /did you mean `\.graph\.broken`/ })),
    flags('a command that prints nothing', noBody, at(noBody, `'.agent'`, { message: /prints nothing/ })),
    flags('a filter jq cannot parse', syntax, at(syntax, '//', { message: /jq cannot read this filter/, covers: '/' })),
  ],
});
