// Several skills roots in one call, and the roots a repository holds: each root is its own package.
import { rmSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { lint } from '../../scripts/engine/lint.ts';
import { loadTrees } from '../../scripts/load/files.ts';
import { allRules } from '../../scripts/rules/index.ts';
import { skillMd, writeTree } from '../rule-tester.ts';

let root: string | undefined;
afterEach(() => {
  if (root) rmSync(root, { recursive: true, force: true });
  root = undefined;
});

function tree(files: Record<string, string>): string {
  root = writeTree(files);
  return root;
}

const relativeRoots = (dir: string, paths: string[]) => loadTrees(paths, dir).trees.map((t) => t.root.slice(dir.length + 1) || '.');

describe('several skills roots', () => {
  it('gives each path its own root: a link inside one root is not "outside the skills root"', () => {
    const dir = tree({
      'one/skills/a/SKILL.md': skillMd('a', '# A\n\n[r](references/r.md)\n'),
      'one/skills/a/references/r.md': '[back](../SKILL.md)\n',
      'two/skills/b/SKILL.md': skillMd('b', '# B\n\n[r](references/r.md)\n'),
      'two/skills/b/references/r.md': '[back](../SKILL.md)\n',
    });
    expect(relativeRoots(dir, ['one/skills', 'two/skills'])).toEqual(['one/skills', 'two/skills']);
    const { diagnostics, projects } = lint({ rules: allRules, paths: ['one/skills', 'two/skills'], cwd: dir, profile: 'spec' });
    expect(diagnostics.filter((d) => d.ruleId === 'link-target')).toEqual([]);
    expect(projects.map((project) => project.skills.map((skill) => skill.name))).toEqual([['a'], ['b']]);
  });

  it('keeps skill folders of one root together as one package', () => {
    const dir = tree({ 'skills/a/SKILL.md': skillMd('a'), 'skills/b/SKILL.md': skillMd('b') });
    const { projects } = lint({ rules: allRules, paths: ['skills/a', 'skills/b'], cwd: dir, profile: 'spec' });
    expect(projects.map((project) => project.skills.length)).toEqual([2]);
  });

  it('finds the roots of a repository where the skills client looks, without calling its other folders stray', () => {
    const dir = tree({
      'README.md': '# Repo\n',
      'docs/guide.md': '# Guide\n',
      'template/SKILL.md': skillMd('template'),
      'skills/a/SKILL.md': skillMd('a'),
      'skills/.curated/c/SKILL.md': skillMd('c'),
      '.claude/skills/d/SKILL.md': skillMd('d'),
      'plugins/p/.keep': '',
      'vendor/skills/e/SKILL.md': skillMd('e'),
      '.claude-plugin/marketplace.json': JSON.stringify({ plugins: [{ name: 'p', source: './vendor' }] }),
    });
    expect(relativeRoots(dir, ['.']).sort()).toEqual(['.', '.claude/skills', 'skills', 'skills/.curated', 'vendor/skills']);
    const ids = lint({ rules: allRules, paths: ['.'], cwd: dir, profile: 'spec' }).diagnostics.map((d) => d.ruleId);
    expect(ids).not.toContain('skill-folder');
  });

  it('skips a dot-folder holding skills with a note, and lints it when named', () => {
    const dir = tree({ 'skills/a/SKILL.md': skillMd('a'), 'skills/.drafts/b/SKILL.md': skillMd('b') });
    const plan = loadTrees(['skills'], dir);
    expect(plan.trees.flatMap((t) => t.skillDirs).map((d) => d.slice(dir.length + 1))).toEqual(['skills/a']);
    expect(plan.notes).toEqual(['skipped skills/.drafts: a dot-folder holding skills (name it to lint it)']);
    expect(relativeRoots(dir, ['skills/.drafts'])).toEqual(['skills/.drafts']);
  });

  it('a folder of skill folders inside a root is a root of its own', () => {
    const dir = tree({ 'skills/a/SKILL.md': skillMd('a'), 'skills/group/b/SKILL.md': skillMd('b'), 'skills/stray/notes.md': '# N\n' });
    const plan = loadTrees(['skills'], dir);
    expect(plan.trees.map((t) => t.root.slice(dir.length + 1))).toEqual(['skills', 'skills/group']);
    expect(plan.trees[0].strayDirs.map((d) => d.slice(dir.length + 1))).toEqual(['skills/stray']);
  });
});
