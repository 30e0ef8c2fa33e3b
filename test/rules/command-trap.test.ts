import { commandRule } from '../../scripts/rules/command-rules.ts';

const rule = commandRule('command-trap');
import { runRuleTests } from '../rule-tester.ts';
import { at, block, flags } from '../schema/command-cases.ts';

const fetch = `cargo-ai segmentation segment fetch --segment-uuid <uuid> --filter '{"conjonction":"and","groups":[]}'`;
const download = 'cargo-ai segmentation segment download --segment-uuid=<uuid>';
const play = `cargo-ai orchestration run create --workflow-uuid <play.workflowUuid> --data '{"domain":"acme.com"}'`;
const playEquals = `cargo-ai orchestration run create --workflow-uuid=<play-workflow-uuid> --data '{}'`;

runRuleTests(rule, {
  valid: [
    block('segment fetch by model', `cargo-ai segmentation segment fetch --model-uuid <uuid> --filter '{"conjonction":"and","groups":[]}'`),
    block('tool workflow in run create', `cargo-ai orchestration run create --workflow-uuid <tool.workflowUuid> --data '{"domain":"acme.com"}'`),
    block('play workflow in batch create', `cargo-ai orchestration batch create --workflow-uuid <play.workflowUuid> --data '{"kind":"segment","segmentUuid":"<uuid>"}'`),
    block('a word merely containing "play"', `cargo-ai orchestration run create --workflow-uuid <display-workflow-uuid> --data '{}'`),
  ],
  invalid: [
    flags('segment fetch with --segment-uuid', fetch, at(fetch, '--segment-uuid', { message: /has no `--segment-uuid`/, hint: /--model-uuid/ })),
    flags('segment download with --segment-uuid=', download, at(download, '--segment-uuid=<uuid>')),
    flags('run create on a play workflow', play, at(play, '<play.workflowUuid>', { message: /playNotCompatible/, hint: /batch create/ })),
    flags('run create on a play workflow, = form', playEquals, at(playEquals, '--workflow-uuid=<play-workflow-uuid>')),
  ],
});
