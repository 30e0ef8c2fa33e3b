// Finding the work tree from the files, as git would, so that a run needs no git process for it.
import { mkdirSync, realpathSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { gitTop, workTreeFromFiles } from '../../scripts/extract/release-state.ts';
import { tempRepos } from './repo.ts';

const repo = tempRepos();
const saved = process.env.GIT_DIR;

afterEach(() => {
  if (saved === undefined) delete process.env.GIT_DIR;
  else process.env.GIT_DIR = saved;
});

describe('workTreeFromFiles', () => {
  it('finds the top of a repository from any folder inside it, as git rev-parse does', () => {
    const r = repo();
    const top = realpathSync(r.root);
    expect(workTreeFromFiles(r.root)).toBe(top);
    expect(workTreeFromFiles(path.join(r.skills, 'cargo-alpha'))).toBe(top);
    expect(r.git('rev-parse', '--show-toplevel')).toBe(top);
    expect(gitTop(path.join(r.skills, 'cargo-alpha'))).toBe(top);
  });

  it('answers surely none outside any repository', () => {
    const r = repo({ git: false });
    expect(workTreeFromFiles(r.skills)).toBe(false);
    expect(gitTop(r.skills)).toBeUndefined();
  });

  it('finds a linked work tree by its .git file', () => {
    const r = repo();
    const linked = `${r.root}-linked`;
    r.git('worktree', 'add', '-q', linked, 'HEAD');
    try {
      expect(workTreeFromFiles(path.join(linked, 'skills'))).toBe(realpathSync(linked));
    } finally {
      r.git('worktree', 'remove', '--force', linked);
    }
  });

  it('leaves to git a .git that is not plainly a repository, a bare repository, and a GIT_DIR setting', () => {
    const empty = repo({ git: false });
    mkdirSync(path.join(empty.root, '.git'));
    expect(workTreeFromFiles(empty.skills)).toBeUndefined();
    // git passes over such a folder and, finding nothing above it, says there is no work tree.
    expect(gitTop(empty.skills)).toBeUndefined();

    const odd = repo({ git: false });
    writeFileSync(path.join(odd.root, '.git'), 'not a pointer\n');
    expect(workTreeFromFiles(odd.skills)).toBeUndefined();

    const bare = repo({ git: false });
    bare.git('init', '-q', '--bare', 'store.git');
    mkdirSync(path.join(bare.root, 'store.git', 'inside'));
    expect(workTreeFromFiles(path.join(bare.root, 'store.git', 'inside'))).toBeUndefined();

    const r = repo();
    process.env.GIT_DIR = path.join(r.root, '.git');
    expect(workTreeFromFiles(r.skills)).toBeUndefined();
  });
});
