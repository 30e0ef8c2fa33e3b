import rule from '../../scripts/rules/output-error-reason.ts';
import { runRuleTests, skillMd } from '../rule-tester.ts';

/** Frontmatter takes 9 lines, then `# A` and a blank line: the body's first free line is 12. */
const page = (name: string, body: string, skill = 'a') => ({ name, files: { [`${skill}/SKILL.md`]: skillMd(skill, `# A\n\n${body}`) } });

const reasonsTable = (heading: string, rows: string[]) => `## ${heading}\n\n| Reason | Cause |\n| --- | --- |\n${rows.join('\n')}\n`;
const commandTable = (rows: string[]) => `| Reason | Command | Do |\n| --- | --- | --- |\n${rows.join('\n')}\n`;

runRuleTests(rule, {
  valid: [
    page('a reason the command raises', '`cargo-ai orchestration run create` on a play fails with `playNotCompatible`.\n'),
    page('the short form within the skill domain', '`run create` on a play fails with `playNotCompatible`.\n', 'cargo-orchestration'),
    page('two commands in one sentence are not checked', 'Plays run through `orchestration batch create`; `orchestration run create` fails with `playNotCompatible`.\n'),
    page('sentences are told apart', '`orchestration batch create` starts a batch. A play given to `orchestration run create` fails with `playNotCompatible`.\n'),
    page('a word that is no reason is not checked', '`orchestration batch get` shows `status` and `failedRunsCount`.\n'),
    page('a table grouped under a heading: any of its commands may raise the reason', reasonsTable('Starting work: `orchestration run create`, `orchestration batch create`', ['| `playNotCompatible` | a play |', '| `invalidDataKind` | wrong kind |'])),
    page('a Command column, with a lone action reusing the resource', commandTable(['| `failedToCreateSegment`, `failedToUpdateSegment` | `play create`, `update` | Retry |', '| `batchNotFound` | `batch cancel`, `batch download` | Check |']), 'cargo-orchestration'),
    page('reasons the domain declares for an endpoint the client does not map', reasonsTable('Purchases (`domainManagement domain purchase`)', ['| `notEnoughCredits` | balance |', '| `purchaseFailed` | registrar |'])),
    page('a "Raised by" column and a lone action unique in the skill domain', '| Reason | Raised by | Do |\n| --- | --- | --- |\n| `customerNotFound` | `update-plan`, `update-topup` | Ask |\n', 'cargo-billing'),
    page('a table whose heading names no command is not checked', reasonsTable('Common failures', ['| `madeUpReason` | whatever |'])),
  ],
  invalid: [
    { ...page('a reason of another command', '`cargo-ai orchestration batch create` on a tool fails with\n`playNotCompatible`.\n'), errors: [{ line: 13, column: 1, message: /`orchestration batch create` cannot raise `playNotCompatible`/, hint: /`playNotCompatible` is raised by `orchestration action execute`/ }] },
    { ...page('a near spelling', 'In a list:\n\n- `orchestration batch download` before the end answers `batchAlreadyFinished`.\n'), errors: [{ line: 14, column: 57, message: /`orchestration batch download` cannot raise `batchAlreadyFinished`/, hint: /`batchAlreadyFinished` is raised by `orchestration batch cancel`/ }] },
    {
      ...page('a reasons table under a heading naming one command', reasonsTable('Apps (`hosting app create`)', ['| `purchaseFailed` | registrar |', '| `appBroken` | anything in a reason column |'])),
      errors: [
        { line: 16, column: 3, message: /`hosting app create` cannot raise `purchaseFailed`/, hint: /is raised by `domainManagement domain purchase`/ },
        { line: 17, column: 3, message: /cannot raise `appBroken`/, hint: /raises no reason code/ },
      ],
    },
    { ...page('a Command column that does not raise the reason', commandTable(['| `batchNotFinished` | `batch cancel` | Wait |']), 'cargo-orchestration'), errors: [{ line: 14, column: 3, message: /`orchestration batch cancel` cannot raise `batchNotFinished`/, hint: /orchestration batch download/ }] },
    { ...page('a lone action in a "Raised by" column', '| Reason | Raised by |\n| --- | --- |\n| `failedToCreateSetupIntent` | `create-setup-intent` |\n', 'cargo-billing'), errors: [{ line: 14, column: 3, message: /`billing subscription create-setup-intent` cannot raise `failedToCreateSetupIntent`/, hint: /raises no reason code/ }] },
  ],
});
