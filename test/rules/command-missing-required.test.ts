import { commandRule } from '../../scripts/rules/command-rules.ts';

const rule = commandRule('command-missing-required');
import { runRuleTests } from '../rule-tester.ts';
import { at, block, flags } from '../schema/command-cases.ts';

const noUuid = 'cargo-ai orchestration run get';
const noModel = `cargo-ai segmentation segment fetch --filter '{"conjonction":"and","groups":[]}'`;
const noData = `cargo-ai orchestration action execute --action '{"kind":"tool","toolUuid":"<uuid>","config":{}}'`;
const noDescription = 'cargo-ai workspaceManagement report create --title "CLI fails"';
const noSql = 'cargo-ai orchestration query execute';
const wrapped = ['cargo-ai workspaceManagement session upsert \\', '  --session-id <id> \\', '  --title "Short title"'];

runRuleTests(rule, {
  valid: [
    block('placeholders satisfy required values', 'cargo-ai orchestration run get <run-uuid>'),
    block('--help skips the check', 'cargo-ai segmentation segment fetch --help'),
    block('a variable may hold the flags', 'cargo-ai workspaceManagement report create $REPORT_FLAGS'),
    block('positional sql', 'cargo-ai orchestration query execute "SELECT count() FROM runs"'),
    block('switches are never required', 'cargo-ai workspaceManagement workspace list'),
    block('all required flags', `cargo-ai segmentation segment fetch --model-uuid <uuid> --filter '{"conjonction":"and","groups":[]}'`),
  ],
  invalid: [
    flags('missing positional', noUuid, at(noUuid, 'get', { message: /missing the required `<uuid>`/, hint: /run get <uuid>/ })),
    flags('missing flag', noModel, at(noModel, 'fetch', { message: /`--model-uuid`/ })),
    flags('missing JSON flag', noData, at(noData, 'execute', { message: /`--data`/ })),
    flags('missing string flag', noDescription, at(noDescription, 'create', { message: /`--description`/ })),
    flags('missing sql', noSql, at(noSql, 'execute', { message: /`<sql>`/ })),
    flags('missing flag in a wrapped command points at the action', wrapped, at(wrapped, 'upsert', { message: /`--summary`/ })),
  ],
});
