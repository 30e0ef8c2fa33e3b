// The subcommands other than `check`, run as a user runs them: output, exit code, bad input.
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { execa } from 'execa';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../scripts/core/paths.ts';

const bin = path.join(repoRoot, 'scripts/bin/skill-lint.js');
const cli = (args: string[], cwd = repoRoot) => execa('node', [bin, ...args], { cwd, reject: false });
const work = mkdtempSync(path.join(tmpdir(), 'skill-lint-commands-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const routingSkills = path.join(repoRoot, 'test/fixtures/routing/skills');

describe('skill-lint route', () => {
  it('ranks the skills for one request, with scores and the deciding terms', async () => {
    const { exitCode, stdout } = await cli(['route', 'how many credits are left this month', '--skills-root', routingSkills, '--top', '2']);
    expect(exitCode).toBe(0);
    const lines = stdout.split('\n');
    expect(lines[0]).toBe('request: "how many credits are left this month"');
    expect(lines[1]).toMatch(/^ 1\. cargo-billing +\d+\.\d\d +.*credit/);
    expect(lines).toHaveLength(3);
  });

  it('grades a case file: exit 0 at 95% top-1 or more, 1 below, with every miss listed', async () => {
    const good = path.join(work, 'good.jsonl');
    writeFileSync(good, `${JSON.stringify({ prompt: 'show my latest invoices', expect: 'cargo-billing', why: 'invoices' })}\n`);
    const passed = await cli(['route', '--eval', good, '--skills-root', routingSkills]);
    expect(passed.stdout).toMatch(/^routing: 1 cases, top-1 1\/1 \(100\.0%\)/);
    expect(passed.exitCode).toBe(0);
    const bad = path.join(work, 'bad.jsonl');
    writeFileSync(bad, `${JSON.stringify({ prompt: 'show my latest invoices', expect: 'cargo-hosting', why: 'planted miss' })}\n`);
    const failed = await cli(['route', '--eval', bad, '--skills-root', routingSkills]);
    expect(failed.stdout).toMatch(/line 1: "show my latest invoices" → cargo-billing \(want cargo-hosting, expected ranked #\d+\)/);
    expect(failed.exitCode).toBe(1);
  });

  it('exits 2 with one line when there is nothing to route or the case file is broken', async () => {
    const none = await cli(['route', '--skills-root', routingSkills]);
    expect(none.exitCode).toBe(2);
    expect(none.stderr).toBe('skill-lint: give a request, or --eval <cases.jsonl>');
    const broken = path.join(work, 'broken.jsonl');
    writeFileSync(broken, '{"prompt": "x"\n');
    const malformed = await cli(['route', '--eval', broken, '--skills-root', routingSkills]);
    expect(malformed.exitCode).toBe(2);
    expect(malformed.stderr).toMatch(/^skill-lint: .*broken\.jsonl:1/);
    expect(malformed.stderr.split('\n')).toHaveLength(1);
  });
});

describe('skill-lint coverage and extract', () => {
  it('coverage prints one line per domain with the count, the share and what is missing', async () => {
    const { exitCode, stdout } = await cli(['coverage']);
    expect(exitCode).toBe(0);
    expect(stdout).toMatch(/^orchestration +\d+\/\d+ +\d+%/m);
    expect(stdout).toMatch(/^billing +11\/11 +100%$/m);
    // Then the answers: documented answer blocks per domain, and the targets still without one.
    expect(stdout).toMatch(/^answers: commands that print a body/m);
    expect(stdout).toMatch(/^context +7\/7 +100%$/m);
    expect(stdout).toMatch(/^answer targets: every command read with jq, and every get\/list a capability skill shows, has an answer block$/m);
  });

  it('extract prints every invocation with its file, position and argv', async () => {
    const file = path.join(work, 'one', 'SKILL.md');
    const dir = path.dirname(file);
    await execa('mkdir', ['-p', dir]);
    writeFileSync(
      file,
      [
        '---\nname: one\ndescription: x\n---\n\n```bash',
        'cargo-ai storage model list \\\n  --dataset-uuid <uuid>',
        "cargo-ai orchestration run list --workflow-uuid=<uuid> --is-finished --statuses error,success -- extra",
        'cargo-ai orchestration rn list',
        '```\n',
      ].join('\n'),
    );
    const json = await cli(['extract', file]);
    expect(json.exitCode).toBe(0);
    const rows = JSON.parse(json.stdout) as unknown[];
    expect(rows).toMatchObject([
      {
        line: 7,
        column: 1,
        argv: ['cargo-ai', 'storage', 'model', 'list', '--dataset-uuid', '<uuid>'],
        command: 'storage model list',
        flags: [{ name: 'dataset-uuid', value: '<uuid>', line: 8, column: 3 }],
        positionals: [],
      },
      {
        line: 9,
        command: 'orchestration run list',
        flags: [
          { name: 'workflow-uuid', value: '<uuid>', column: 33 },
          { name: 'is-finished', value: null },
          { name: 'statuses', value: 'error,success' },
        ],
        positionals: ['extra'],
      },
      { line: 10, command: null, flags: [], positionals: [] },
    ]);
    const text = await cli(['extract', file, '--format', 'text']);
    expect(text.stdout.split('\n')[0]).toMatch(/SKILL\.md:7:1 {2}cargo-ai storage model list --dataset-uuid <uuid>$/);
  });
});

describe('skill-lint package', () => {
  it('packages a clean tree and exits 1 without output when the tree has an error', async () => {
    const out = path.join(work, 'dist');
    const ok = await cli(['package', '--skills-root', path.join(repoRoot, 'test/fixtures/package/skills'), '--out', out]);
    expect(ok.stdout).toMatch(/^packaged \d+ skills into /);
    expect(ok.exitCode).toBe(0);
    expect(existsSync(path.join(out, '.well-known/agent-skills/index.json'))).toBe(true);
    const broken = path.join(work, 'broken-skills');
    await execa('mkdir', ['-p', path.join(broken, 'solo')]);
    writeFileSync(path.join(broken, 'solo', 'SKILL.md'), '---\nname: solo\ndescription: A skill.\n---\n\n[gone](missing.md)\n');
    const brokenOut = path.join(work, 'broken-dist');
    const refused = await cli(['package', '--skills-root', broken, '--out', brokenOut]);
    expect(refused.exitCode).toBe(1);
    expect(refused.stdout).toMatch(/link-target/);
    expect(existsSync(brokenOut)).toBe(false);
  });
});
