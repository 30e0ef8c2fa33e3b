import { commandRule } from '../../scripts/rules/command-rules.ts';

const rule = commandRule('command-duplicate-flag');
import { runRuleTests } from '../rule-tester.ts';
import { at, block, flags } from '../schema/command-cases.ts';

const list = 'cargo-ai orchestration run count --workflow-uuid <uuid> --statuses error --statuses success';
const name = 'cargo-ai segmentation segment update --uuid <uuid> --name A --name B';
const wrapped = ['cargo-ai orchestration run download \\', '  --workflow-uuid <a> \\', '  --workflow-uuid=<b>'];

runRuleTests(rule, {
  valid: [
    block('each flag once', 'cargo-ai orchestration run count --workflow-uuid <uuid> --statuses error,success'),
    block('two commands, same flag', ['cargo-ai orchestration run get <a> --help', 'cargo-ai orchestration run get <b> --help']),
  ],
  invalid: [
    flags('list flag repeated', list, at(list, '--statuses', { occurrence: 2, message: /given twice/, hint: /comma-separated/ })),
    flags('string flag repeated', name, at(name, '--name', { occurrence: 2 })),
    flags('repeated across lines, = form', wrapped, at(wrapped, '--workflow-uuid=<b>', { message: /first on line 14/ })),
  ],
});
