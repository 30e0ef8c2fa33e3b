import { commandRule } from '../../scripts/rules/command-rules.ts';

const rule = commandRule('command-json');
import { runRuleTests } from '../rule-tester.ts';
import { at, block, flags } from '../schema/command-cases.ts';

const conjunction = `cargo-ai segmentation segment fetch --model-uuid <uuid> --filter '{"conjunction":"and","groups":[]}'`;
const unquotedKey = `cargo-ai segmentation segment fetch --model-uuid <uuid> --filter '{conjonction:"and","groups":[]}'`;
const badKind = `cargo-ai orchestration batch create --workflow-uuid <uuid> --data '{"kind":"segmnt","segmentUuid":"<uuid>"}'`;
const badSort = `cargo-ai segmentation segment download --model-uuid <uuid> --filter '{"conjonction":"and","groups":[]}' --sort '[{"columnSlug":"created_at","kind":"descending"}]'`;
const missingKey = `cargo-ai orchestration batch create --workflow-uuid <uuid> --data '{"kind":"segment"}'`;
const wrongType = `cargo-ai segmentation segment fetch --model-uuid <uuid> --filter '{"conjonction":"and","groups":{}}'`;
const wrapped = [
  'cargo-ai segmentation segment fetch \\',
  '  --model-uuid <uuid> \\',
  `  --filter '{"conjonction":"and","groups":[{"conjonction":"or","conditions":[{"kind":"string","columnSlug":"domain","operator":"iz","values":["acme.com"]}]}]}'`,
];
const doubleQuoted = `cargo-ai orchestration batch create --workflow-uuid <uuid> --data "{\\"kind\\":\\"segment\\",\\"segment\\":1}"`;
const connectorNode = `{"uuid":"<uuid>","slug":"enrich","kind":"connector","integrationSlug":"hunter","actionSlug":"<action-slug>","config":{},"childrenUuids":[],"fallbackOnFailure":false,"position":{"x":0,"y":0}}`;
const nodeWithoutAction = `cargo-ai orchestration node validate --nodes '[{"uuid":"<uuid>","slug":"enrich","kind":"connector","integrationSlug":"hunter","config":{},"childrenUuids":[],"fallbackOnFailure":false,"position":{"x":0,"y":0}}]'`;
const trigger = `cargo-ai ai chat create --agent-uuid <uuid> --trigger '{"type":"drafts"}'`;

runRuleTests(rule, {
  valid: [
    block('seed filter and sort', `cargo-ai segmentation segment download --model-uuid <uuid> --filter '{"conjonction":"and","groups":[]}' --sort '[{"columnSlug":"created_at","kind":"desc"}]'`),
    block('quoted placeholders stand for any value', `cargo-ai orchestration batch create --workflow-uuid <uuid> --data '{"kind":"segment","segmentUuid":"<segment-uuid>"}'`),
    block('placeholder in a tag and in a number', `cargo-ai orchestration batch create --workflow-uuid <uuid> --data '{"kind":"filter","modelUuid":"<uuid>","limit":<limit>,"filter":"..."}'`),
    block('elided elements and members', [`cargo-ai orchestration action execute-batch --action '{"kind":"tool","toolUuid":"<uuid>","config":{}}' --records '[{...},{...}]'`, `cargo-ai segmentation segment update --uuid <uuid> --filter '{"conjonction":"and","groups":[...]}'`]),
    block('partial object skips required keys', `cargo-ai orchestration batch create --workflow-uuid <uuid> --data '{"kind":"recordIds", ...}'`),
    block('whole value is a placeholder or a variable', ['cargo-ai orchestration node validate --nodes <nodes-json>', 'cargo-ai orchestration node validate --nodes "$NODES"']),
    block('nested condition by kind and operator', `cargo-ai segmentation segment fetch --model-uuid <uuid> --filter '{"conjonction":"and","groups":[{"conjonction":"or","conditions":[{"kind":"number","columnSlug":"employees","operator":"between","firstValue":10,"lastValue":50}]}]}'`),
    block('a connector node keeps its integrationSlug and actionSlug', [`cargo-ai orchestration node validate --nodes '[${connectorNode}]'`, `cargo-ai orchestration node compute --node '${connectorNode}' --context '{}'`]),
    block('agent chat trigger', `cargo-ai ai chat create --agent-uuid <uuid> --trigger '{"type":"draft"}' --name "Research session"`),
  ],
  invalid: [
    flags('conjunction spelt the usual way', conjunction, at(conjunction, '"conjunction"', { message: /unknown key `conjunction`/, hint: /did you mean `conjonction`/ })),
    flags('unquoted key', unquotedKey, at(unquotedKey, 'conjonction', { covers: 'c', message: /not valid JSON/, hint: /double quotes/ })),
    flags('unknown batch kind', badKind, at(badKind, '"segmnt"', { message: /kind is "segmnt", not one of: .*segment/, hint: /`segment`/ })),
    flags('sort direction outside the enum', badSort, at(badSort, '"descending"', { message: /\[0\]\.kind is `descending`, not one of: asc, desc/, hint: /`desc`/ })),
    flags('missing required key', missingKey, at(missingKey, '{"kind"', { covers: '{"kind":"segment"}', message: /missing the required key `segmentUuid`/ })),
    flags('array expected', wrongType, at(wrongType, '{}', { message: /groups must be an array, not an object/ })),
    flags('deep error on a continuation line', wrapped, at(wrapped, '"iz"', { message: /groups\[0\]\.conditions\[0\]\.operator/, hint: /`is`/ })),
    flags('escaped JSON in double quotes points at the word', doubleQuoted, at(doubleQuoted, '"{', { covers: doubleQuoted.slice(doubleQuoted.indexOf('"{')), message: /unknown key `segment`/, hint: /`segmentUuid`/ })),
    flags('a connector node without its actionSlug', nodeWithoutAction, at(nodeWithoutAction, '{"uuid"', { covers: nodeWithoutAction.slice(nodeWithoutAction.indexOf('{"uuid"'), -2), message: /missing the required key `actionSlug`/ })),
    flags('unknown chat trigger type', trigger, at(trigger, '"drafts"', { hint: /`draft`/ })),
  ],
});
