import { commandRule } from '../../scripts/rules/command-rules.ts';

const rule = commandRule('command-unknown');
import { runRuleTests } from '../rule-tester.ts';
import { at, block, flags, inline } from '../schema/command-cases.ts';

const misspeltResource = 'cargo-ai orchestration rn get <uuid>';
const kebabDomain = 'cargo-ai workspace-management report create --title x --description y';
const camelAction = 'cargo-ai storage model getDdl <uuid>';
const allAction = 'cargo-ai ai agent all';
const incomplete = 'cargo-ai orchestration run';
const npx = 'npx @cargo-ai/cli orchestrate run list --workflow-uuid <uuid>';
const inlineCommand = 'cargo-ai segmentation segments list';
const oldPath = ['cargo-ai whoami', 'cargo-ai ai file list'];

runRuleTests(rule, {
  valid: [
    block('a command with a positional', 'cargo-ai orchestration run get <uuid>'),
    block('all → list', 'cargo-ai ai agent list'),
    block('camelCase domain as written by the CLI', 'cargo-ai workspaceManagement session upsert --session-id <id> --title t --summary s'),
    block('CLI-only commands', ['cargo-ai login --oauth', 'cargo-ai whoami', 'cargo-ai logout']),
    block('--version alone', 'cargo-ai --version'),
    block('--help on a domain', 'cargo-ai orchestration --help'),
    block('placeholder and variable in the path', ['cargo-ai <domain> --help', 'cargo-ai "$DOMAIN" run list']),
    block('npx form', 'npx @cargo-ai/cli storage model get-ddl <model-uuid>'),
    block('-h anywhere', 'cargo-ai orchestration run -h'),
    inline('inline code', 'cargo-ai orchestration batch get <batch-uuid>'),
  ],
  invalid: [
    flags('misspelt resource', misspeltResource, at(misspeltResource, 'rn', { message: /Unknown resource `rn` under `orchestration`/, hint: /did you mean `run`/ })),
    flags('kebab-case domain', kebabDomain, at(kebabDomain, 'workspace-management', { message: /Unknown domain/, hint: /`workspaceManagement`/ })),
    flags('camelCase action', camelAction, at(camelAction, 'getDdl', { message: /Unknown action/, hint: /`get-ddl`/ })),
    flags('`all` is written `list`', allAction, at(allAction, 'all', { hint: /list/ })),
    flags('incomplete command', incomplete, at(incomplete, 'run', { message: /not a complete command: an action must follow/, hint: /create/ })),
    flags('npx form', npx, at(npx, 'orchestrate', { hint: /`orchestration`/ })),
    { ...inline('inline code', inlineCommand), errors: [at(inlineCommand, 'segments', { inlineCode: true, hint: /`segment`/ })] },
    flags('removed `ai file` path, second line', oldPath, at(oldPath, 'file', { message: /resource `file` under `ai`/ })),
  ],
});
