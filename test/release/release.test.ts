// release(): bump what must move, write the changelog, refuse what must not ship.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { lint } from '../../scripts/engine/lint.ts';
import { cargoApiVersion } from '../../scripts/commands/package/package.ts';
import { insertSection, isCalendarDate, release } from '../../scripts/commands/release/release.ts';
import { bumpVersion, compareVersions } from '../../scripts/core/semver.ts';
import rule from '../../scripts/rules/release-version.ts';
import { repoRoot } from '../../scripts/core/paths.ts';
import { brief } from '../package/helpers.ts';
import { tempRepos, withVersion } from './repo.ts';

const repo = tempRepos();

const alpha = 'skills/cargo-alpha/SKILL.md';
const router = 'skills/cargo/SKILL.md';
const date = '2026-11-22';
const api = cargoApiVersion();

describe('semver', () => {
  it('bumps and compares MAJOR.MINOR.PATCH', () => {
    expect(bumpVersion('1.2.3', 'patch')).toBe('1.2.4');
    expect(bumpVersion('1.2.3', 'minor')).toBe('1.3.0');
    expect(bumpVersion('1.2.3', 'major')).toBe('2.0.0');
    expect(compareVersions('1.10.0', '1.9.9')).toBeGreaterThan(0);
    expect(compareVersions('1.0.0', '1.0.0')).toBe(0);
    expect(compareVersions('1.0', '1.0.0')).toBeUndefined();
    expect(() => bumpVersion('v1.0.0', 'patch')).toThrow(/not a MAJOR.MINOR.PATCH/);
  });
});

describe('release', () => {
  it('bumps the router and each changed skill to the new bundle version, and writes the changelog', async () => {
    const r = repo();
    r.git('tag', 'v1.2.0');
    r.edit('skills/cargo-alpha/references/guide.md', (text) => `${text}\nRetry once on a timeout.\n`);
    r.commit('Explain retries in the alpha guide');
    const untouched = r.read('skills/cargo/references/basics.md');
    const result = await release({ root: r.root, bump: 'minor', date });
    expect(brief(result.diagnostics)).toEqual([]);
    expect(result).toMatchObject({ ok: true, version: '1.3.0', previousVersion: '1.2.0', tag: 'v1.3.0' });
    expect(result.skills).toEqual([
      { name: 'cargo', from: '1.2.0', to: '1.3.0', files: [] },
      { name: 'cargo-alpha', from: '1.1.0', to: '1.3.0', files: ['references/guide.md'] },
    ]);
    expect(r.read(router)).toContain('  version: "1.3.0"\n');
    expect(r.read(alpha)).toContain('  version: "1.3.0"\n');
    expect(r.read('skills/cargo/references/basics.md')).toBe(untouched);
    // Only the version value changed in each SKILL.md.
    expect(r.git('diff', '--numstat', '--', 'skills')).toMatch(/^1\t1\tskills\/cargo-alpha\/SKILL.md\n1\t1\tskills\/cargo\/SKILL.md$/);
    expect(r.read('CHANGELOG.md')).toBe(
      [
        '# Changelog',
        '',
        'Every release of the skills bundle, newest first. Written by `skill-lint release`.',
        '',
        `## 1.3.0 - ${date}`,
        '',
        `Changes since v1.2.0; examples checked against \`@cargo-ai/api\` ${api}.`,
        '',
        '- **cargo** 1.2.0 → 1.3.0 (bundle version)',
        '- **cargo-alpha** 1.1.0 → 1.3.0: `references/guide.md`',
        '  - Explain retries in the alpha guide',
        '',
      ].join('\n'),
    );
    expect(result.written.map((file) => path.relative(r.root, file)).sort()).toEqual(['CHANGELOG.md', alpha, router]);
    // What the release wrote satisfies the rule it exists for.
    expect(brief(lint({ paths: ['skills'], cwd: r.root, rules: [rule], profile: 'cargo' }).diagnostics)).toEqual([]);
  });

  it('puts the next release above the previous one in the changelog, and replaces a section for the same version', async () => {
    const r = repo();
    r.git('tag', 'v1.2.0');
    r.edit('skills/cargo/references/basics.md', (text) => `${text}\nA new tip.\n`);
    r.commit('Tip');
    expect((await release({ root: r.root, bump: 'patch', date })).version).toBe('1.2.1');
    r.commit('Release 1.2.1');
    r.git('tag', 'v1.2.1');
    r.edit('skills/cargo-alpha/references/deep/more.md', (text) => `${text}\nDeeper.\n`);
    r.commit('Deeper');
    expect((await release({ root: r.root, bump: 'patch', date })).version).toBe('1.2.2');
    const headings = () => r.read('CHANGELOG.md').split('\n').filter((line) => line.startsWith('## '));
    expect(headings()).toEqual([`## 1.2.2 - ${date}`, `## 1.2.1 - ${date}`]);
    // Running it again (say after more edits, before tagging) rewrites the 1.2.2 section in place.
    r.edit('skills/cargo-alpha/references/guide.md', (text) => `${text}\nAnd more.\n`);
    const again = await release({ root: r.root, bump: 'patch', date: '2026-11-23', allowDirty: true });
    expect(again.version).toBe('1.2.2');
    expect(headings()).toEqual(['## 1.2.2 - 2026-11-23', `## 1.2.1 - ${date}`]);
    expect(r.read('CHANGELOG.md')).toContain('- **cargo-alpha** 1.1.0 → 1.2.2: `references/deep/more.md`, `references/guide.md`');
  });

  it('before the first tag, releases every skill from the router version', async () => {
    const r = repo();
    const result = await release({ root: r.root, bump: 'major', date });
    expect(result.ok).toBe(true);
    expect(result.version).toBe('2.0.0');
    expect(result.previousVersion).toBeNull();
    expect(result.skills.map((s) => `${s.name} ${s.from} ${s.to}`)).toEqual(['cargo null 2.0.0', 'cargo-alpha null 2.0.0']);
    expect(r.read('CHANGELOG.md')).toContain('First release, from bundle version 1.2.0;');
    expect(r.read('CHANGELOG.md')).toContain('- **cargo-alpha** 2.0.0 (new)');
  });

  it('refuses when the tree does not lint clean, and changes nothing', async () => {
    const r = repo();
    r.git('tag', 'v1.2.0');
    r.edit('skills/cargo-alpha/references/guide.md', (text) => `${text}\nSee [gone](gone.md).\n`);
    const before = r.read(alpha);
    const result = await release({ root: r.root, bump: 'patch', date });
    expect(result.ok).toBe(false);
    expect(result.diagnostics.map((d) => d.ruleId)).toContain('link-target');
    expect(r.read(alpha)).toBe(before);
    expect(existsSync(path.join(r.root, 'CHANGELOG.md'))).toBe(false);
  });

  it('refuses when nothing changed since the tag', async () => {
    const r = repo();
    r.git('tag', 'v1.2.0');
    const result = await release({ root: r.root, bump: 'patch', date });
    expect(result.ok).toBe(false);
    expect(brief(result.diagnostics)).toEqual(['skills:1:1 error release nothing changed in the skills since v1.2.0']);
  });

  it('refuses a bump that would lower a bundle version already raised by hand', async () => {
    const r = repo();
    r.git('tag', 'v1.2.0');
    r.edit(router, (text) => withVersion(text, '2.0.0'));
    r.edit('skills/cargo/references/basics.md', (text) => `${text}\nA new tip.\n`);
    r.commit('Raise the bundle version by hand');
    const result = await release({ root: r.root, bump: 'patch', date });
    expect(result.ok).toBe(false);
    expect(result.diagnostics[0].message).toBe('the bundle version is already 2.0.0, above the 1.2.1 that --bump patch gives from 1.2.0');
  });

  it('counts only files that ship: a scratch file or an unlinked page moves no version and stays out of the changelog', async () => {
    const r = repo();
    r.git('tag', 'v1.2.0');
    r.write('skills/cargo-alpha/references/unlinked.md', '# Notes nobody links to\n');
    r.edit('skills/cargo/references/basics.md', (text) => `${text}\nA new tip.\n`);
    r.commit('A tip, and private notes');
    r.write('skills/cargo-alpha/scratch.md', '# Scratch\n');
    const result = await release({ root: r.root, bump: 'patch', date, allowDirty: true });
    expect(result.ok).toBe(true);
    expect(result.skills).toEqual([{ name: 'cargo', from: '1.2.0', to: '1.2.1', files: ['references/basics.md'] }]);
    expect(r.read(alpha)).toContain('  version: "1.1.0"\n');
    expect(r.read('CHANGELOG.md')).not.toMatch(/cargo-alpha|unlinked|scratch/);
  });

  it('refuses uncommitted changes in the skills unless allowed, naming them', async () => {
    const r = repo();
    r.git('tag', 'v1.2.0');
    r.edit('skills/cargo/references/basics.md', (text) => `${text}\nA new tip.\n`);
    r.write('skills/cargo-alpha/scratch.md', '# Scratch\n');
    const refused = await release({ root: r.root, bump: 'patch', date });
    expect(refused.ok).toBe(false);
    expect(brief(refused.diagnostics)).toEqual([
      'skills:1:1 error release the skills have uncommitted changes (skills/cargo-alpha/scratch.md, skills/cargo/references/basics.md); a release describes committed work',
    ]);
    expect(existsSync(path.join(r.root, 'CHANGELOG.md'))).toBe(false);
    expect((await release({ root: r.root, bump: 'patch', date, allowDirty: true })).version).toBe('1.2.1');
  });

  it('run again before tagging, redoes the release from the same base: no second bump, no stale section', async () => {
    const r = repo();
    r.git('tag', 'v1.2.0');
    r.edit('skills/cargo-alpha/references/guide.md', (text) => `${text}\nRetry once on a timeout.\n`);
    r.commit('Retries');
    expect((await release({ root: r.root, bump: 'minor', date })).version).toBe('1.3.0');
    // Its own version edits are not uncommitted work: a second run needs no --allow-dirty.
    const patch = await release({ root: r.root, bump: 'patch', date });
    expect(brief(patch.diagnostics)).toEqual([]);
    expect(patch.version).toBe('1.2.1');
    expect(r.read(router)).toContain('  version: "1.2.1"\n');
    expect(r.read(alpha)).toContain('  version: "1.2.1"\n');
    r.commit('Release 1.2.1');
    expect((await release({ root: r.root, bump: 'patch', date })).version).toBe('1.2.1');
    const headings = r.read('CHANGELOG.md').split('\n').filter((line) => line.startsWith('## '));
    expect(headings).toEqual([`## 1.2.1 - ${date}`]);
    expect(r.read('CHANGELOG.md')).toContain('- **cargo-alpha** 1.1.0 → 1.2.1: `references/guide.md`');
  });

  it('run again after a change was undone, moves that skill back to its version at the tag', async () => {
    const r = repo();
    r.git('tag', 'v1.2.0');
    const guide = 'skills/cargo-alpha/references/guide.md';
    const original = r.read(guide);
    r.edit(guide, (text) => `${text}\nRetry once on a timeout.\n`);
    r.commit('Retries');
    expect((await release({ root: r.root, bump: 'minor', date })).skills.map((s) => s.name)).toEqual(['cargo', 'cargo-alpha']);
    r.write(guide, original);
    r.edit('skills/cargo/references/basics.md', (text) => `${text}\nA new tip.\n`);
    r.commit('Undo retries; a tip');
    const again = await release({ root: r.root, bump: 'patch', date });
    expect(again.skills.map((s) => `${s.name} ${s.to}`)).toEqual(['cargo 1.2.1']);
    expect(r.read(alpha)).toContain('  version: "1.1.0"\n');
    expect(brief(lint({ paths: ['skills'], cwd: r.root, rules: [rule], profile: 'cargo' }).diagnostics)).toEqual([]);
  });

  it('before the first tag too: a second run starts from the version the first started from', async () => {
    const r = repo();
    expect((await release({ root: r.root, bump: 'major', date })).version).toBe('2.0.0');
    r.commit('Release 2.0.0');
    const again = await release({ root: r.root, bump: 'major', date });
    expect(again.version).toBe('2.0.0');
    expect(r.read(router)).toContain('  version: "2.0.0"\n');
    expect(r.read('CHANGELOG.md').split('\n').filter((line) => line.startsWith('## '))).toEqual([`## 2.0.0 - ${date}`]);
    expect((await release({ root: r.root, bump: 'minor', date })).version).toBe('1.3.0');
    expect(r.read('CHANGELOG.md').split('\n').filter((line) => line.startsWith('## '))).toEqual([`## 1.3.0 - ${date}`]);
  });

  it('refuses a date that is no calendar day, before anything else', async () => {
    const r = repo();
    for (const bad of ['2026-13-45', '2026-02-30', '2025-02-29', '2026-1-5']) {
      await expect(release({ root: r.root, bump: 'patch', date: bad })).rejects.toThrow(`--date must be a calendar date written YYYY-MM-DD, not ${bad}`);
    }
    expect(isCalendarDate('2028-02-29')).toBe(true);
    expect(existsSync(path.join(r.root, 'CHANGELOG.md'))).toBe(false);
  });

  it('refuses without git history', async () => {
    const r = repo({ git: false });
    const result = await release({ root: r.root, bump: 'patch', date });
    expect(result.ok).toBe(false);
    expect(result.diagnostics[0].message).toMatch(/needs the git history/);
  });
});

describe('skill-lint release', () => {
  const bin = path.join(repoRoot, 'scripts/bin/skill-lint.js');
  const cli = (args: string[], cwd: string) => execa('node', [bin, 'release', ...args], { cwd, reject: false });

  it('bumps from the command line and names the tag to create', async () => {
    const r = repo();
    r.git('tag', 'v1.2.0');
    r.edit('skills/cargo-alpha/references/guide.md', (text) => `${text}\nRetry once on a timeout.\n`);
    r.commit('Explain retries');
    const { exitCode, stdout } = await cli(['--bump', 'patch', '--date', date], r.root);
    expect(stdout).toBe('cargo: 1.2.0 -> 1.2.1\ncargo-alpha: 1.1.0 -> 1.2.1\nbundle 1.2.0 -> 1.2.1; wrote CHANGELOG.md; tag to create: v1.2.1');
    expect(exitCode).toBe(0);
    expect(r.read('CHANGELOG.md')).toContain(`## 1.2.1 - ${date}`);
  });

  it('exits 1 with the diagnostics when it refuses, and 2 on a bad option', async () => {
    const r = repo();
    r.git('tag', 'v1.2.0');
    const refused = await cli(['--bump', 'minor'], r.root);
    expect(refused.exitCode).toBe(1);
    expect(refused.stdout).toMatch(/nothing changed in the skills since v1\.2\.0/);
    expect(existsSync(path.join(r.root, 'CHANGELOG.md'))).toBe(false);
    const missing = await cli([], r.root);
    expect(missing.exitCode).toBe(2);
    expect(missing.stderr).toMatch(/--bump/);
    for (const bad of ['22/11/2026', '2026-13-45', '2026-02-30']) {
      const badDate = await cli(['--bump', 'patch', '--date', bad], r.root);
      expect(badDate.exitCode).toBe(2);
      expect(badDate.stderr).toBe(`skill-lint: --date must be a calendar date written YYYY-MM-DD, not ${bad}`);
    }
    const badLevel = await cli(['--bump', 'huge'], r.root);
    expect(badLevel.exitCode).toBe(2);
  });
});

describe('insertSection', () => {
  it('keeps a hand-written preamble and older sections', () => {
    const existing = '# Changelog\n\nNotes for maintainers.\n\n## 1.0.0 - 2026-01-01\n\n- first\n';
    expect(insertSection(existing, '1.1.0', '## 1.1.0 - 2026-02-02\n\n- second\n')).toBe(
      '# Changelog\n\nNotes for maintainers.\n\n## 1.1.0 - 2026-02-02\n\n- second\n\n## 1.0.0 - 2026-01-01\n\n- first\n',
    );
  });
});
