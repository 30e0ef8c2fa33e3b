import { commandRule } from '../../scripts/rules/command-rules.ts';

const rule = commandRule('command-flag-value');
import { runRuleTests } from '../rule-tester.ts';
import { at, block, flags } from '../schema/command-cases.ts';

const enumItem = 'cargo-ai orchestration run count --workflow-uuid <uuid> --statuses sucess';
const secondItem = 'cargo-ai orchestration run download --workflow-uuid <uuid> --statuses success,eror';
const switchValue = 'cargo-ai orchestration run count --workflow-uuid <uuid> --is-finished true';
const switchEquals = 'cargo-ai orchestration run count --workflow-uuid <uuid> --is-finished=true';
const notNumber = 'cargo-ai orchestration record list --workflow-uuid <uuid> --limit ten';
const notInEnum = 'cargo-ai orchestration run download-outputs --workflow-uuid <uuid> --format xml';
const noValueAtEnd = 'cargo-ai orchestration run count --workflow-uuid';
const noValueBeforeFlag = `cargo-ai segmentation segment fetch --model-uuid <uuid> --fetching-limit --filter '{"conjonction":"and","groups":[]}'`;
const positionalNumber = 'cargo-ai expression recipe get <uuid> two';
const emptyItem = 'cargo-ai orchestration record cancel --workflow-uuid <uuid> --ids a,,b';

runRuleTests(rule, {
  valid: [
    block('list of enum values', 'cargo-ai orchestration run download --workflow-uuid <uuid> --statuses success,error'),
    block('placeholders and variables as values', ['cargo-ai orchestration record list --workflow-uuid <uuid> --limit <n>', 'cargo-ai orchestration record list --workflow-uuid "$WF" --limit "$LIMIT"']),
    block('enum value', 'cargo-ai orchestration run download-outputs --workflow-uuid <uuid> --format json'),
    block('number with = form and zero', `cargo-ai segmentation segment fetch --model-uuid <uuid> --filter '{"conjonction":"and","groups":[]}' --fetching-limit=100 --fetching-offset 0`),
    block('bare switch', 'cargo-ai orchestration run count --workflow-uuid <uuid> --is-finished'),
    block('list of placeholders', 'cargo-ai orchestration run cancel --workflow-uuid <uuid> --uuids <uuid-1>,<uuid-2>'),
  ],
  invalid: [
    flags('misspelt enum item', enumItem, at(enumItem, 'sucess', { message: /`sucess` is not one of them/, hint: /did you mean `success`/ })),
    flags('second list item points inside the word', secondItem, at(secondItem, 'eror', { hint: /`error`/ })),
    flags('switch followed by true', switchValue, at(switchValue, 'true', { message: /is a switch and takes no value/ })),
    flags('switch with =value', switchEquals, at(switchEquals, '--is-finished=true', { hint: /alone/ })),
    flags('number flag with a word', notNumber, at(notNumber, 'ten', { message: /takes a number/ })),
    flags('value outside the enum', notInEnum, at(notInEnum, 'xml', { message: /csv, json/ })),
    flags('value missing at the end', noValueAtEnd, at(noValueAtEnd, '--workflow-uuid', { message: /needs a value/ })),
    flags('value missing before the next flag', noValueBeforeFlag, at(noValueBeforeFlag, '--fetching-limit', { message: /needs a value \(a number\)/ })),
    flags('positional number', positionalNumber, at(positionalNumber, 'two', { message: /<version> takes a number/ })),
    flags('empty list item', emptyItem, at(emptyItem, ',b', { covers: '', message: /empty item/ })),
  ],
});
