import { commandRule } from '../../scripts/rules/command-rules.ts';

const rule = commandRule('command-unknown-flag');
import { runRuleTests } from '../rule-tester.ts';
import { at, block, flags } from '../schema/command-cases.ts';

const prefix = 'cargo-ai orchestration run list --workflow <uuid>';
const typo = 'cargo-ai segmentation segment update --uuid <uuid> --nme "New name"';
const none = 'cargo-ai ai agent list --limit 5';
const login = 'cargo-ai login --api-key <key>';
const short = 'cargo-ai orchestration run count --workflow-uuid <uuid> -x';
const wrapped = ['cargo-ai orchestration record list \\', '  --workflow-uuid <uuid> \\', '  --status error'];

runRuleTests(rule, {
  valid: [
    block('known flags', 'cargo-ai orchestration run count --workflow-uuid <uuid> --statuses error --is-finished'),
    block('--help and -h anywhere', ['cargo-ai orchestration run list --help', 'cargo-ai ai agent list -h']),
    block('login flags', 'cargo-ai login --oauth --workspace-uuid <uuid>'),
    block('CLI-only --wait-until-finished', `cargo-ai orchestration batch create --workflow-uuid <uuid> --data '{"kind":"segment","segmentUuid":"<uuid>"}' --wait-until-finished`),
    block('scaffold command with unlisted flags', 'cargo-ai hosting app init --template vite --dir ./app'),
    block('--flag=value form', 'cargo-ai orchestration run count --workflow-uuid=<uuid>'),
    block('flag name from a variable is not checked', 'cargo-ai orchestration run list --workflow-uuid <uuid> $EXTRA_FLAGS'),
  ],
  invalid: [
    flags('prefix of a flag', prefix, at(prefix, '--workflow', { message: /`--workflow` is not a flag of `cargo-ai orchestration run list`/, hint: /`--workflow-uuid`/ })),
    flags('misspelt flag', typo, at(typo, '--nme', { hint: /`--name`/ })),
    flags('command without flags', none, at(none, '--limit', { hint: /takes no flags/ })),
    flags('unknown login flag', login, at(login, '--api-key', { hint: /--oauth|--token/ })),
    flags('unknown short flag', short, at(short, '-x')),
    flags('flag on a continuation line', wrapped, at(wrapped, '--status', { hint: /`--statuses`/ })),
  ],
});
