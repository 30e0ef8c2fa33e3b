import { describe, expect, it } from 'vitest';
import rule from '../../scripts/rules/output-block.ts';
import { lintCase, runRuleTests, skillMd } from '../rule-tester.ts';

/** Frontmatter takes 9 lines, then `# A` and a blank line: the body's first free line is 12. */
const page = (name: string, body: string, skill = 'a') => ({ name, files: { [`${skill}/SKILL.md`]: skillMd(skill, `# A\n\n${body}`) } });
const annotated = (command: string, json: string) => `<!-- response: ${command} -->\n\`\`\`json\n${json}\n\`\`\`\n`;

const wrongWrapper = page('keys shown outside the wrapper', annotated('orchestration batch get', '{\n  "status": "success",\n  "failedRunsCount": 3\n}'));
const nullStripped = page('a null the command deletes', annotated('orchestration batch get', '{ "batch": { "uuid": "<uuid>", "errorMessage": null } }'));

runRuleTests(rule, {
  valid: [
    page('an abbreviated answer, annotated', annotated('orchestration batch get', '{ "batch": { "uuid": "<batch-uuid>", "status": "success", "failedRunsCount": 3 } }')),
    page('the annotation may repeat cargo-ai', annotated('cargo-ai orchestration batch get', '{ "batch": { "status": "running" } }')),
    page('a heading names the command, short form within the skill domain', '## Batch: `batch get`\n\n```json\n{ "batch": { "runsCount": 250, "data": { "kind": "segment", "segmentUuid": "<uuid>" } } }\n```\n', 'cargo-orchestration'),
    page('a heading names the command in full', '## `cargo-ai orchestration run get <uuid>`\n\n```json\n{ "run": { "uuid": "<uuid>", "status": "success" }, "runContext": { "start": { "domain": "acme.com" } } }\n```\n'),
    page('a heading naming several commands: the block matches one of them', '## `orchestration run create`, `orchestration run get`\n\n```json\n{ "run": { "status": "success" }, "runComputedConfigs": {} }\n```\n'),
    page('nulls kept by a command that keeps them', annotated('ai message list', '{ "messages": [{ "uuid": "<uuid>", "errorMessage": null }] }')),
    page('free-form maps are not checked below their key', annotated('orchestration run get', '{ "runContext": { "anything": { "goes": [1, null, { "here": true }] } } }')),
    page('elisions and placeholders', annotated('orchestration run list', '{ "runs": [{ "uuid": "<uuid>", "...": "..." }, "..."], "count": "<count>" }')),
    page('a block with neither annotation nor command heading is not checked', '## Failure\n\n```json\n{ "errorMessage": "Workflow not found." }\n```\n'),
    page('a plain heading listing commands', '## model list, model get\n\n```json\n{ "models": [{ "uuid": "<uuid>", "slug": "companies" }] }\n```\n', 'cargo-storage'),
    page('a lone action after a command in a plain heading', '## custom-integration create, get\n\n```json\n{ "customIntegration": { "uuid": "<uuid>" } }\n```\n', 'cargo-connection'),
    page('a prose heading is not a command', '## Pull in slices\n\n```json\n{ "anything": 1 }\n```\n', 'cargo-storage'),
    page('the annotation wins over the heading', `## \`orchestration batch get\`\n\n${annotated('orchestration run count', '{ "count": 12 }')}`),
  ],
  invalid: [
    { ...wrongWrapper, errors: [{ line: 15, column: 3, message: /`orchestration batch get`: the answer has no key `status`: it is `\.batch\.status`, inside `batch`/, hint: /\{batch\}/ }, { line: 16, column: 3, message: /`failedRunsCount`/ }] },
    { ...page('an enum member the answer never has', annotated('orchestration batch get', '{ "batch": { "status": "done" } }')), errors: [{ line: 14, column: 24, message: /`\.batch\.status` is `done`, not one of: .*success/ }] },
    { ...page('a wrong type', annotated('orchestration batch get', '{ "batch": {\n  "runsCount": "250" } }')), errors: [{ line: 15, column: 16, message: /`\.batch\.runsCount` is a string, but the answer has a number there/ }] },
    { ...page('an unknown key with a near spelling', annotated('orchestration batch get', '{ "batch": { "failedRunCount": 3 } }')), errors: [{ line: 14, column: 14, message: /`\.batch` has no key `failedRunCount`/, hint: /failedRunsCount/ }] },
    { ...nullStripped, errors: [{ line: 14, column: 48, message: /`\.batch\.errorMessage` is null, but the command deletes null-valued keys/ }] },
    { ...page('a command without a body', annotated('orchestration play remove', '{ "ok": true }')), errors: [{ line: 13, column: 1, message: /`orchestration play remove` prints no answer/ }] },
    { ...page('an annotation that names no command', annotated('orchestration batch gett', '{}')), errors: [{ line: 12, column: 16, message: /`orchestration batch gett` in the response annotation is not a command/, hint: /did you mean `orchestration batch get`/ }] },
    { ...page('a plain heading: the block fits none of its commands', '## record get, record list\n\n```json\n{ "row": {} }\n```\n', 'cargo-storage'), errors: [{ line: 15, column: 3, message: /`storage record (get|list)`: the answer has no key `row`/ }] },
    { ...page('inferred from the heading', '### Run: `run get`\n\nIt prints:\n\n```json\n{ "run": { "state": "success" } }\n```\n', 'cargo-orchestration'), errors: [{ line: 17, column: 12, message: /`orchestration run get`: `\.run` has no key `state`/, hint: /status/ }] },
  ],
});

describe('output-block severities', () => {
  it('reports a deleted null as a warning and a wrong key as an error', async () => {
    expect((await lintCase(rule, nullStripped)).map((found) => found.severity)).toEqual(['warning']);
    expect((await lintCase(rule, wrongWrapper)).map((found) => found.severity)).toEqual(['error', 'error']);
  });
});
