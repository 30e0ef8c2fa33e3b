// Usage mistakes exit 2 with one clear line, and the output streams behave as command-line conventions say.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { execa } from 'execa';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../scripts/commands/cli.ts';
import { useColor } from '../../scripts/commands/streams.ts';
import { repoRoot } from '../../scripts/core/paths.ts';
import { allRules } from '../../scripts/rules/index.ts';
import { escapeControls, formatStylish } from '../../scripts/report/stylish.ts';
import { skillMd, writeTree } from '../rule-tester.ts';

const bin = path.join(repoRoot, 'scripts/bin/skill-lint.js');

/** Runs the command in this process, capturing what it writes. */
async function run(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((stdout += String(chunk)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((stderr += String(chunk)), true));
  try {
    const code = await main(['node', 'skill-lint', ...args]);
    return { code, stdout, stderr };
  } finally {
    vi.restoreAllMocks();
  }
}
afterEach(() => vi.restoreAllMocks());

function expectUsageError(result: { code: number; stdout: string; stderr: string }, message: string | RegExp): void {
  expect(result.code).toBe(2);
  expect(result.stderr.split('\n')).toHaveLength(2);
  expect(result.stderr.trimEnd()).toMatch(message);
  expect(result.stdout).toBe('');
}

const oneSkill = () => writeTree({ 'a/SKILL.md': skillMd('a', `# A\n\n${'Line.\n'.repeat(30)}`), 'notes.txt': 'x', 'empty/.keep': '', 'nested/sub/readme.md': '# R\n' });

describe('check: what there is to lint', () => {
  it.each([['an empty folder', 'empty'], ['a .txt file', 'notes.txt'], ['a folder with no SKILL.md', 'nested']])('%s: no skills found, exit 2', async (_, target) => {
    const root = oneSkill();
    expectUsageError(await run('check', path.join(root, target)), `skill-lint: no skills found under ${path.join(root, target)}: no SKILL.md in it or in its folders, and no markdown file named`);
  });

  it("an empty path ('') is refused, not read as the working folder", async () => {
    expectUsageError(await run('check', ''), 'skill-lint: a path is empty: name a skills root, a skill folder or a markdown file');
  });
});

describe('check --max-warnings', () => {
  it.each(['', '1e3', '0x1', '-1', '2.5', ' 3'])('refuses %j', async (value) => {
    expectUsageError(await run('check', oneSkill(), '--max-warnings', value), `skill-lint: --max-warnings must be a whole number in decimal digits, not ${JSON.stringify(value)}`);
  });

  it('an exit 1 it causes says so', async () => {
    const root = oneSkill();
    const config = path.join(root, 'skill-lint.config.json');
    const quiet = Object.fromEntries(allRules.filter((rule) => rule.meta.id !== 'body-size').map((rule) => [rule.meta.id, 'off']));
    writeFileSync(config, JSON.stringify({ rules: { ...quiet, 'body-size': ['warning', { maxLines: 10 }] } }));
    const within = await run('check', path.join(root, 'a'), '--config', config, '--max-warnings', '1');
    expect([within.code, within.stderr]).toEqual([0, '']);
    const over = await run('check', path.join(root, 'a'), '--config', config, '--max-warnings', '0');
    expect(over.code).toBe(1);
    expect(over.stderr).toBe('skill-lint: exit 1: 1 warning, more than --max-warnings 0\n');
  });
});

describe('docs --skills-root', () => {
  it.each([
    [['--skills-root', ''], 'skill-lint: --skills-root is empty: name the folder that holds the skills'],
    [['--skills-root', '/no/such/folder'], 'skill-lint: --skills-root /no/such/folder: no such folder'],
    [['--skills-root', 'EMPTY'], /^skill-lint: --skills-root .*empty: none of the capability skills \(cargo-orchestration, .*\) is in it$/],
  ])('%j exits 2, with and without --check', async (args, message) => {
    const resolved = args.map((arg) => (arg === 'EMPTY' ? path.join(oneSkill(), 'empty') : arg));
    expectUsageError(await run('docs', ...resolved), message);
    expectUsageError(await run('docs', '--check', ...resolved), message);
  });
});

describe('route', () => {
  const skillsRoot = path.join(repoRoot, 'skills');

  it('refuses a blank request', async () => {
    expectUsageError(await run('route', '   ', '--skills-root', skillsRoot), 'skill-lint: the request is empty: give the words a user would type');
  });

  it.each(['abc', '0', '-1', '1.5', ''])('refuses --top %j', async (value) => {
    expectUsageError(await run('route', 'download an invoice', '--skills-root', skillsRoot, '--top', value), `skill-lint: --top must be a whole number of at least 1 in decimal digits, not ${JSON.stringify(value)}`);
  });

  it('refuses a case file without cases', async () => {
    const root = writeTree({ 'cases.jsonl': '\n\n' });
    expectUsageError(await run('route', '--eval', path.join(root, 'cases.jsonl'), '--skills-root', skillsRoot), `skill-lint: ${path.join(root, 'cases.jsonl')}: no cases (one {"prompt", "expect"} JSON object a line)`);
  });

  it('ends its output with a newline, ranking and evaluation alike', async () => {
    const ranked = await run('route', 'download an invoice', '--skills-root', skillsRoot, '--top', '2');
    expect(ranked.stdout).toMatch(/\n$/);
    expect(ranked.stdout).toMatch(/^ 2\. /m);
    expect(ranked.stdout).not.toMatch(/^ 3\. /m);
    const root = writeTree({ 'cases.jsonl': `${JSON.stringify({ prompt: 'download an invoice', expect: 'cargo-billing' })}\n` });
    expect((await run('route', '--eval', path.join(root, 'cases.jsonl'), '--skills-root', skillsRoot)).stdout).toMatch(/^routing: 1 cases[^]*\n$/);
  });
});

describe('usage errors from the option parser', () => {
  it('take one line, as every other usage error', async () => {
    expectUsageError(await run('check', '--format', 'xml'), "skill-lint: option '-f, --format <format>' argument 'xml' is invalid. Allowed choices are stylish, json, sarif, github. (run with --help for usage)");
    expectUsageError(await run('frobnicate'), "skill-lint: unknown command 'frobnicate' (run with --help for usage)");
    expectUsageError(await run('check', '--frob'), "skill-lint: unknown option '--frob' (run with --help for usage)");
  });
});

describe('colour', () => {
  it.each([
    [{}, true, true],
    [{}, false, false],
    [{ NO_COLOR: '1' }, true, false],
    [{ NO_COLOR: '' }, true, true],
    [{ TERM: 'dumb' }, true, false],
    [{ FORCE_COLOR: '1' }, false, true],
    [{ FORCE_COLOR: '1', NO_COLOR: '1' }, false, true],
    [{ FORCE_COLOR: '' }, false, false],
  ])('env %j on a terminal: %s → %s', (env, isTTY, expected) => {
    expect(useColor({ isTTY }, env)).toBe(expected);
  });

  it('FORCE_COLOR colours the stylish output of a pipe, and NO_COLOR wins over nothing else', async () => {
    const root = oneSkill();
    const config = path.join(root, 'skill-lint.config.json');
    writeFileSync(config, JSON.stringify({ rules: { 'body-size': ['warning', { maxLines: 10 }] } }));
    const args = [bin, 'check', 'a', '--config', config];
    const forced = await execa('node', args, { cwd: root, reject: false, env: { FORCE_COLOR: '1', NO_COLOR: '' } });
    expect(forced.stdout).toContain('\u001b[33mwarning\u001b[0m');
    const plain = await execa('node', args, { cwd: root, reject: false, env: { FORCE_COLOR: '' } });
    expect(plain.stdout).not.toContain('\u001b[');
  });
});

describe('control characters in file names', () => {
  it('are escaped in stylish output', () => {
    const file = 'skills/a\u001b[2J\u0007\nb/SKILL.md';
    const text = formatStylish([{ ruleId: 'x', severity: 'error', file, line: 1, column: 1, endLine: 1, endColumn: 1, message: 'm \u001b]0;t\u0007' }], false);
    expect(text.split('\n')[0]).toBe('skills/a\\x1b[2J\\x07\\nb/SKILL.md');
    expect(text).toContain('m \\x1b]0;t\\x07');
    expect(text).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
    expect(escapeControls('a\u202eb\tc')).toBe('a\\u202eb\\tc');
  });

  it('a skill folder so named is linted and shown escaped', async () => {
    const name = 'we\u001bird\u0007';
    const root = writeTree({ [`${name}/SKILL.md`]: skillMd(name) });
    const result = await run('check', root, '--profile', 'spec');
    expect(result.stdout).toContain('we\\x1bird\\x07/SKILL.md');
    expect(result.stdout).not.toContain('\u001b');
  });
});

describe('output streams', () => {
  it('a closed pipe ends the run quietly', async () => {
    for (const command of [`node ${JSON.stringify(bin)} rules | head -1`, `node ${JSON.stringify(bin)} extract ${JSON.stringify(path.join(repoRoot, 'skills'))} | head -c 10`]) {
      const result = await execa('bash', ['-o', 'pipefail', '-c', command], { reject: false });
      expect(result.stderr, command).toBe('');
      expect(result.exitCode, command).toBe(0);
    }
  });

  it('a full disk is exit 2 and one line', async () => {
    const result = await execa('bash', ['-c', `node ${JSON.stringify(bin)} rules > /dev/full`], { reject: false });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toBe('skill-lint: cannot write the output: no space left on the device');
  });
});

describe('deep frontmatter', () => {
  it('gets its own finding, never a stack overflow', async () => {
    const deep = (value: string) => writeTree({ 'a/SKILL.md': `---\nname: a\ndescription: x\nmetadata: ${value}\n---\n# A\n` });
    for (const [value, column] of [[`${'['.repeat(20000)}${']'.repeat(20000)}`, 74], [`${'{a: '.repeat(5000)}1${'}'.repeat(5000)}`, 263]] as const) {
      const result = await run('check', deep(value), '--format', 'json', '--profile', 'spec');
      const found = JSON.parse(result.stdout).filter((d: { ruleId: string }) => d.ruleId === 'frontmatter-syntax');
      expect(found.map((d: { line: number; column: number; message: string }) => `${d.line}:${d.column} ${d.message}`)).toEqual([`4:${column} Frontmatter nests more than 64 levels deep, past what is read`]);
    }
  });
});
