// output-final-status: loops, prose and tables that say when polling stops name exactly the final statuses.
import rule from '../../scripts/rules/output-final-status.ts';
import { runRuleTests, skillMd, type Case, type Expected } from '../rule-tester.ts';

/** Frontmatter (9 lines) and `# A` plus a blank line come first: the body starts on line 12. */
const BODY_LINE = 12;

function page(name: string, body: string): Case {
  return { name, files: { 'a/SKILL.md': skillMd('a', `# A\n\n${body}`) } };
}

/** The position of the `occurrence`-th `needle` in `body` (as placed by `page`). */
function at(body: string, needle: string, message?: RegExp, occurrence = 1): Expected {
  let index = -1;
  for (let seen = 0; seen < occurrence; seen++) index = body.indexOf(needle, index + 1);
  if (index < 0) throw new Error(`${needle} not in the page`);
  const before = body.slice(0, index);
  const line = BODY_LINE + before.split('\n').length - 1;
  const column = index - before.lastIndexOf('\n');
  return { line, column, ...(message ? { message } : {}) };
}

function invalid(name: string, body: string, ...errors: Expected[]): Case & { errors: Expected[] } {
  return { ...page(name, body), errors };
}

const loop = (patterns: string) =>
  [
    '```bash',
    `batch=$(cargo-ai orchestration batch create --workflow-uuid <workflow-uuid> --data '{"kind":"segment","segmentUuid":"<uuid>"}' | jq -r '.batch.uuid')`,
    'while true; do',
    `  status=$(cargo-ai orchestration batch get "$batch" | jq -r '.batch.status')`,
    `  case "$status" in ${patterns}) break ;; esac`,
    '  sleep 5',
    'done',
    '```',
    '',
  ].join('\n');

const runLoop = [
  '```bash',
  'while true; do',
  `  s=$(cargo-ai orchestration run get <run-uuid> | jq -r '.run.status')`,
  '  case "$s" in',
  '    success|error|cancelled) break ;;',
  '    *) sleep 2 ;;',
  '  esac',
  'done',
  '```',
  '',
].join('\n');

const prose = 'Poll `cargo-ai orchestration batch get <batch-uuid>` every 5 s until `status` is `success`, `error` or `cancelled`.\n';
const path = 'Poll `message get` every 2 s until `message.status` is `success` or `error`.\n';
const running = 'Poll `batch get <batch-uuid>` until `status` is `success`, `running`, `error`, `cancelled` or `skipped`.\n';
const leaves = 'Poll `storage run list` every 15 s until the run leaves `pending` / `running`.\n';
const noun = '| Term | Meaning |\n| --- | --- |\n| Message | Each message is polled until `success` or `error` |\n';
const table = [
  '| Object | Poll | Final | Still working |',
  '| --- | --- | --- | --- |',
  '| Run | `cargo-ai orchestration run get <run-uuid>` | `success`, `error`, `cancelled` | `idle`, `pending`, `running`, `cancelling` |',
  '| Agent message | `cargo-ai ai message get <uuid>` | `success`, `error`, `cancelled` | `pending`, `generating` |',
  '',
].join('\n');
const comment = '```bash\n# every 10 s until status is success, error or cancelled\ncargo-ai orchestration batch get <batch-uuid>\n```\n';

runRuleTests(rule, {
  valid: [
    page('a loop on the final statuses', loop('success|error|cancelled|skipped')),
    page('the same statuses in another order, quoted', loop(`'skipped'|"error"|success|cancelled`)),
    page('prose with every final status', 'Poll `batch get <batch-uuid>` until `status` is `success`, `error`, `cancelled` or `skipped`.\n'),
    page('a status path names the object', 'Every 2 s until `message.status` is `success`, `error` or `cancelled`.\n'),
    page('statuses while working', 'Poll `storage run list` until the run leaves `pending`, `running` or `cancelling`; the end states are `success`, `error` (read `errorMessage`) and `cancelled`.\n'),
    page('a table with the right columns', table.replace('`success`, `error`, `cancelled` | `idle`', '`success`, `error`, `cancelled`, `skipped` | `idle`').replace('`pending`, `generating` |', '`pending`, `generating`, `cancelling` |')),
    page('statuses of an object nobody polls are not read', 'Deploy until the release is `deployed`.\n'),
    page('a case on something else', '```bash\nout=$(cargo-ai orchestration batch get <uuid> | jq -r .batch.uuid)\ncase "$out" in success) break ;; esac\n```\n'),
    page('words that are not statuses', 'Wait until the batch is ready, then read it.\n'),
  ],
  invalid: [
    invalid('a loop that misses skipped', loop('success|error|cancelled'), at(loop('success|error|cancelled'), 'success|error|cancelled', /This loop stops on them.*Orchestration\.Batch.*add `skipped`/)),
    invalid('a loop that stops on a working status', loop('success|error|cancelled|skipped|running'), at(loop('success|error|cancelled|skipped|running'), 'success|error', /`running` is not final/)),
    invalid('a run loop across lines', runLoop, at(runLoop, 'success|error|cancelled', /Orchestration\.Run.*add `skipped`/)),
    invalid('prose naming the command', prose, at(prose, '`success`, `error` or `cancelled`', /Polling batch \(Orchestration\.Batch\).*add `skipped`/)),
    invalid('prose naming the object by its status path', path, at(path, '`success` or `error`', /Ai\.Message.*add `cancelled`/)),
    invalid('prose with a working status', running, at(running, '`success`, `running`', /`running` is not final/)),
    invalid('statuses while working, one missing', leaves, at(leaves, '`pending` / `running`', /still working are `pending`, `running`, `cancelling`.*add `cancelling`/)),
    invalid('a table row naming the object', noun, at(noun, '`success` or `error`', /Ai\.Message/)),
    invalid(
      'table columns',
      table,
      at(table, '`success`, `error`, `cancelled` |', /Orchestration\.Run.*add `skipped`/),
      at(table, '`pending`, `generating`', /still working.*add `cancelling`/),
    ),
    invalid('a shell comment about the block\'s command', comment, at(comment, 'success, error or cancelled', /Orchestration\.Batch/)),
  ],
});
