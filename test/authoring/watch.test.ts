// `check --watch`: a save brings a new report that matches a full lint, re-checking only the saved file, and
// the process ends cleanly on SIGINT. Timings are measured by the bench (scripts/bench/watch.ts), not here.
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { mkdirSync, rmSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { repoRoot } from '../../scripts/core/paths.ts';
import { IncrementalLint } from '../../scripts/engine/incremental.ts';
import { lint } from '../../scripts/engine/lint.ts';
import { allRules } from '../../scripts/rules/index.ts';
import { skillMd, writeTree } from '../rule-tester.ts';

const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

function tree(): string {
  const root = writeTree({
    'a/SKILL.md': skillMd('a', '# A\n\nSee [the guide](references/guide.md#usage).\n'),
    'a/references/guide.md': '# Guide\n\n## Usage\n\nText.\n',
    'b/SKILL.md': skillMd('b', '# B\n\nText.\n'),
  });
  roots.push(root);
  return root;
}

const brief = (diagnostics: { file: string; line: number; column: number; ruleId: string }[]) => diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.ruleId}`);

/** Saves `text` to `file` with a modification time that differs from the previous one whatever the clock's step. */
function save(file: string, text: string, step: number): void {
  writeFileSync(file, text);
  const when = new Date(Date.now() + step * 1000);
  utimesSync(file, when, when);
}

describe('IncrementalLint', () => {
  it('re-checks only the saved file and reports what a full lint reports, across files too', () => {
    const root = tree();
    const options = { paths: ['.'], cwd: root, rules: allRules, profile: 'spec' as const };
    const incremental = new IncrementalLint(options);
    const first = incremental.run();
    expect(first.rechecked).toHaveLength(3);
    expect(brief(first.diagnostics)).toEqual(brief(lint(options).diagnostics));

    // Renaming a heading breaks the anchor of a link on another page: a rule across files finds it.
    save(path.join(root, 'a/references/guide.md'), '# Guide\n\n## How to use\n\nText.\n', 1);
    const second = incremental.run();
    expect(second.rechecked).toEqual([path.join(root, 'a/references/guide.md')]);
    expect(brief(second.diagnostics)).toContain('a/SKILL.md:12:5 link-anchor');
    expect(brief(second.diagnostics)).toEqual(brief(lint(options).diagnostics));

    expect(incremental.run().rechecked).toEqual([]);

    // A file removed: every file is checked again (links resolve against the list of files).
    unlinkSync(path.join(root, 'a/references/guide.md'));
    const third = incremental.run();
    expect(third.rechecked).toHaveLength(2);
    expect(brief(third.diagnostics)).toContain('a/SKILL.md:12:5 link-target');
    expect(brief(third.diagnostics)).toEqual(brief(lint(options).diagnostics));

    // A config change: every file again, with the new severities.
    writeFileSync(path.join(root, 'skill-lint.config.json'), JSON.stringify({ rules: { 'link-target': 'warning' } }));
    const fourth = incremental.run();
    expect(fourth.rechecked).toHaveLength(2);
    expect(fourth.diagnostics.find((d) => d.ruleId === 'link-target')?.severity).toBe('warning');
  });
});

describe('IncrementalLint on several roots', () => {
  it('lints each root as its own project, as check does', () => {
    const first = tree();
    const second = tree();
    // The same skill name under two roots: one project would call them a collision; two projects do not.
    const options = { paths: [first, second], cwd: path.dirname(first), rules: allRules, profile: 'spec' as const };
    const incremental = new IncrementalLint(options);
    const result = incremental.run();
    expect(result.rechecked).toHaveLength(6);
    expect(brief(result.diagnostics)).toEqual(brief(lint(options).diagnostics));
    save(path.join(second, 'a/references/guide.md'), '# Guide\n\n## How to use\n\nText.\n', 1);
    const again = incremental.run();
    expect(again.rechecked).toEqual([path.join(second, 'a/references/guide.md')]);
    expect(brief(again.diagnostics)).toEqual(brief(lint(options).diagnostics));
  });
});

describe('check --watch', () => {
  let child: ChildProcessWithoutNullStreams | undefined;
  afterEach(() => {
    if (child && child.exitCode === null) child.kill('SIGKILL');
  });

  it('prints a new report after a save, and ends cleanly on SIGINT', async () => {
    const root = tree();
    child = spawn(process.execPath, [path.join(repoRoot, 'scripts/bin/skill-lint.js'), 'check', '.', '--watch', '--profile', 'spec'], { cwd: root });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const until = async (ready: () => boolean) => {
      for (let waited = 0; !ready(); waited += 50) {
        if (waited > 90_000) throw new Error(`timed out; stdout: ${stdout}; stderr: ${stderr}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    };
    await until(() => stderr.includes('watching'));
    expect(stdout).toContain('0 errors');

    save(path.join(root, 'a/references/guide.md'), '# Guide\n\n## How to use\n\nText.\n', 1);
    await until(() => stderr.includes('changed:'));
    expect(stdout).toMatch(/12:5 +error +Anchor `#usage` does not match any heading/);
    expect(stderr).toMatch(/a\/references\/guide\.md changed: 1 file checked again in \d+ ms/);

    // A folder made after the start is watched from the report that saw it on: a save inside it counts.
    const reports = () => stderr.split('changed:').length - 1;
    mkdirSync(path.join(root, 'c'));
    save(path.join(root, 'c/SKILL.md'), skillMd('d'), 2);
    await until(() => stdout.includes('c/SKILL.md') && reports() >= 2);
    expect(stdout).toMatch(/2:7 +error +Skill name `d` differs from its folder `c`/);
    const before = reports();
    const printed = stdout.length;
    save(path.join(root, 'c/SKILL.md'), skillMd('c'), 3);
    await until(() => reports() > before && stdout.length > printed && /errors?, \d+ warnings?\n$/.test(stdout));
    expect(stdout.slice(printed)).toContain('c/SKILL.md');
    expect(stdout.slice(printed)).not.toMatch(/Skill name `d`/);

    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child!.once('exit', (code, signal) => resolve({ code, signal })));
    child.kill('SIGINT');
    // The last report has an error: exit 1, as `check` without --watch would; no signal death, no stack trace.
    expect(await exited).toEqual({ code: 1, signal: null });
    expect(stderr).not.toMatch(/\n\s+at /);
  }, 240_000);
});
