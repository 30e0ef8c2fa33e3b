import rule from '../../scripts/rules/output-roundtrip.ts';
import { runRuleTests, skillMd } from '../rule-tester.ts';
import { at, block, flags } from '../schema/command-cases.ts';

const saveDraft = 'cargo-ai ai release get-draft --agent-uuid <agent-uuid> > draft.json';
const copyActions = [saveDraft, 'cargo-ai ai release update-draft --agent-uuid <agent-uuid> \\', '  --actions "$(jq -c .release.actions draft.json)"'];
const pipedBatch = 'cargo-ai orchestration run list --batch-uuid "$(cargo-ai orchestration run get <run-uuid> | jq -r .run.batchUuid)"';
const mcpClients = [saveDraft, 'cargo-ai ai release update-draft --agent-uuid <agent-uuid> --mcp-clients "$(jq -c \'.release.mcpClients\' draft.json)"'];

/** The draft saved in one block, copied in a later one: the file links them across blocks. */
const twoBlocks = skillMd('a', `# A\n\n\`\`\`bash\n${saveDraft}\n\`\`\`\n\nThen:\n\n\`\`\`bash\ncargo-ai ai release update-draft --agent-uuid <agent-uuid> --resources "$(jq -c .release.resources draft.json)"\n\`\`\`\n`);

runRuleTests(rule, {
  valid: [
    block('a key every answer has, piped', 'cargo-ai orchestration run list --workflow-uuid "$(cargo-ai orchestration play get <play-uuid> | jq -r .play.workflowUuid)"'),
    block('a key every answer has, from a saved file', ['cargo-ai orchestration play get <play-uuid> > play.json', 'cargo-ai orchestration run list --workflow-uuid "$(jq -r .play.workflowUuid play.json)"']),
    block('a filter that fills the keys in first is not a plain path', [saveDraft, `cargo-ai ai release update-draft --agent-uuid <agent-uuid> --actions "$(jq -c '.release.actions | map({description: ""} + .)' draft.json)"`]),
    block('a file no command on the page saved', 'cargo-ai ai release update-draft --agent-uuid <agent-uuid> --actions "$(jq -c .actions my-actions.json)"'),
    block('a file saved only after the copy', ['cargo-ai ai release update-draft --agent-uuid <agent-uuid> --actions "$(jq -c .release.actions draft.json)"', saveDraft]),
    block('a plain variable is not an answer', 'cargo-ai ai release update-draft --agent-uuid <agent-uuid> --actions "$ACTIONS"'),
    block('a piped command that prints no body', 'cargo-ai orchestration run list --workflow-uuid "$(cargo-ai orchestration play remove <uuid> | jq -r .uuid)"'),
    block('a slurped file is an array of answers, not one', [saveDraft, 'cargo-ai ai release update-draft --agent-uuid <agent-uuid> --actions "$(jq -s -c .release.actions draft.json)"']),
    block('with -n the filter reads no answer', 'cargo-ai orchestration run list --batch-uuid "$(cargo-ai orchestration run get <run-uuid> | jq -n -r .run.batchUuid)"'),
  ],
  invalid: [
    flags('actions copied from a draft whose actions lack the keys the flag requires', copyActions, at(copyActions, '"$(jq', { covers: '"$(jq -c .release.actions draft.json)"', message: /`--actions` takes `\.release\.actions` of `ai release get-draft`, but an answer with only its guaranteed keys \(`ai release get-draft` deletes every null-valued key.*`description`/, hint: /fill in/ })),
    flags('an optional key piped into a plain flag', pipedBatch, at(pipedBatch, '"$(cargo-ai', { covers: '"$(cargo-ai orchestration run get <run-uuid> | jq -r .run.batchUuid)"', message: /`--batch-uuid` takes `\.run\.batchUuid` of `orchestration run get`, which the answer may lack: jq then prints `null`/, hint: /\/\// })),
    flags('quoted filter', mcpClients, at(mcpClients, '"$(jq', { covers: `"$(jq -c '.release.mcpClients' draft.json)"`, message: /`--mcp-clients`.*`authentication`/ })),
    { name: 'saved in one block, copied in another', files: { 'a/SKILL.md': twoBlocks }, errors: [{ line: 19, column: 72, message: /`--resources` takes `\.release\.resources`/ }] },
  ],
});
