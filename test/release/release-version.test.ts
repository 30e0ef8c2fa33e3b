// The release-version rule: lockstep with the bundle version, and a bump for whatever changed since the tag.
import path from 'node:path';
import { mkdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lint } from '../../scripts/engine/lint.ts';
import rule from '../../scripts/rules/release-version.ts';
import { brief } from '../package/helpers.ts';
import { type TempRepo, tempRepos, withVersion } from './repo.ts';

const repo = tempRepos();

function check(r: TempRepo): string[] {
  return brief(lint({ paths: ['skills'], cwd: r.root, rules: [rule], profile: 'cargo' }).diagnostics);
}

const alpha = 'skills/cargo-alpha/SKILL.md';
const router = 'skills/cargo/SKILL.md';

describe('release-version', () => {
  it('accepts a tree without git history', () => {
    expect(check(repo({ git: false }))).toEqual([]);
  });

  it('flags a skill ahead of the bundle version, with or without git, at the version value', () => {
    const r = repo({ git: false });
    r.edit(alpha, (text) => withVersion(text, '1.3.0'));
    expect(check(r)).toEqual([`${alpha}:8:12 error release-version \`cargo-alpha\` is at version 1.3.0, ahead of the bundle version 1.2.0 (\`cargo\`)`]);
  });

  it('skips the history check before the first tag', () => {
    const r = repo();
    r.edit('skills/cargo-alpha/references/guide.md', (text) => `${text}\nMore detail.\n`);
    expect(check(r)).toEqual([]);
  });

  it('accepts a tagged tree with no change since the tag', () => {
    const r = repo();
    r.git('tag', 'v1.2.0');
    expect(check(r)).toEqual([]);
  });

  it('flags a changed skill whose version did not move, and the bundle version', () => {
    const r = repo();
    r.git('tag', 'v1.2.0');
    r.edit('skills/cargo-alpha/references/guide.md', (text) => `${text}\nMore detail.\n`);
    r.commit('More detail in the alpha guide');
    expect(check(r)).toEqual([
      `${alpha}:8:12 error release-version \`cargo-alpha\` changed since v1.2.0 (references/guide.md) but its version is still 1.1.0`,
      `${router}:8:12 error release-version skills changed since v1.2.0 (cargo-alpha) but the bundle version is still 1.2.0`,
    ]);
    r.edit(alpha, (text) => withVersion(text, '1.2.1'));
    expect(check(r)).toEqual([
      `${alpha}:8:12 error release-version \`cargo-alpha\` is at version 1.2.1, ahead of the bundle version 1.2.0 (\`cargo\`)`,
      `${router}:8:12 error release-version skills changed since v1.2.0 (cargo-alpha) but the bundle version is still 1.2.0`,
    ]);
    r.edit(router, (text) => withVersion(text, '1.2.1'));
    expect(check(r)).toEqual([]);
  });

  it('counts uncommitted and untracked pages that ship, but not files that never ship', () => {
    const r = repo();
    r.git('tag', 'v1.2.0');
    r.write('skills/cargo-alpha/references/guide.md~', 'backup');
    r.write('skills/cargo-alpha/.DS_Store', 'junk');
    mkdirSync(path.join(r.skills, 'cargo-alpha/tests'));
    r.write('skills/cargo-alpha/tests/case.json', '{}');
    expect(check(r)).toEqual([]);
    // A page no link reaches does not ship (`package` leaves it out), so it moves no version.
    r.write('skills/cargo/references/extra.md', '# Extra\n');
    expect(check(r)).toEqual([]);
    r.edit('skills/cargo/references/basics.md', (text) => `${text}\nSee [extra](extra.md).\n`);
    expect(check(r)).toEqual([`${router}:8:12 error release-version \`cargo\` changed since v1.2.0 (references/basics.md, references/extra.md) but its version is still 1.2.0`]);
  });

  it('does not count an edit of the version alone as a change', () => {
    const r = repo();
    r.git('tag', 'v1.2.0');
    r.edit(alpha, (text) => withVersion(text, '1.2.0'));
    expect(check(r)).toEqual([]);
  });

  it('compares with the newest v* tag by version order, not by name', () => {
    const r = repo();
    r.git('tag', 'v1.10.0');
    r.edit(alpha, (text) => `${text}\nA note.\n`);
    r.commit('Note');
    r.git('tag', 'v1.9.0');
    // v1.10.0 is the newest release; the note was added after it, so cargo-alpha must move.
    expect(check(r)).toContain(`${alpha}:8:12 error release-version \`cargo-alpha\` changed since v1.10.0 (SKILL.md) but its version is still 1.1.0`);
  });

  it('finds the tag once packed, and from a linked work tree, where the refs sit in the main folder', () => {
    const r = repo();
    r.git('tag', 'v1.2.0');
    r.edit('skills/cargo-alpha/references/guide.md', (text) => `${text}\nMore detail.\n`);
    r.commit('More detail in the alpha guide');
    const expected = `${alpha}:8:12 error release-version \`cargo-alpha\` changed since v1.2.0 (references/guide.md) but its version is still 1.1.0`;
    r.git('pack-refs', '--all', '--prune');
    expect(check(r)).toContain(expected);
    const linked = `${r.root}-linked`;
    r.git('worktree', 'add', '-q', linked, 'HEAD');
    try {
      expect(brief(lint({ paths: ['skills'], cwd: linked, rules: [rule], profile: 'cargo' }).diagnostics)).toContain(expected);
    } finally {
      r.git('worktree', 'remove', '--force', linked);
    }
  });

  it('does not ask a new skill to move from a version it never had', () => {
    const r = repo();
    r.git('tag', 'v1.2.0');
    r.write('skills/cargo/references/basics.md', '# Basics\n');
    r.edit(router, (text) => withVersion(text, '1.3.0'));
    mkdirSync(path.join(r.skills, 'cargo-beta'));
    r.write('skills/cargo-beta/SKILL.md', r.read(alpha).replaceAll('cargo-alpha', 'cargo-beta').replace(/\[the guide\][^)]*\), then run \[the helper\]\([^)]*\)/, 'nothing else'));
    expect(check(r)).toEqual([]);
  });
});
