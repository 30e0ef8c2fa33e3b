// A throw-away git repository holding a copy of the package fixture skills, for release tests.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { execaSync } from 'execa';
import { afterEach } from 'vitest';
import { fixtureSkills } from '../package/helpers.ts';

export interface TempRepo {
  root: string;
  skills: string;
  git(...args: string[]): string;
  commit(message: string): void;
  edit(relative: string, change: (text: string) => string): void;
  write(relative: string, text: string): void;
  read(relative: string): string;
  remove(): void;
}

export function tempRepo(options: { git?: boolean } = {}): TempRepo {
  const root = mkdtempSync(path.join(tmpdir(), 'skill-release-'));
  const skills = path.join(root, 'skills');
  cpSync(fixtureSkills, skills, { recursive: true });
  const git = (...args: string[]) =>
    String(
      execaSync('git', ['-c', 'user.name=Release Test', '-c', 'user.email=release@test.invalid', '-c', 'commit.gpgsign=false', '-c', 'tag.gpgsign=false', '-c', 'init.defaultBranch=main', ...args], {
        cwd: root,
      }).stdout,
    );
  const repo: TempRepo = {
    root,
    skills,
    git,
    commit: (message) => {
      git('add', '-A');
      git('commit', '-q', '-m', message);
    },
    edit: (relative, change) => writeFileSync(path.join(root, relative), change(readFileSync(path.join(root, relative), 'utf8'))),
    write: (relative, text) => writeFileSync(path.join(root, relative), text),
    read: (relative) => readFileSync(path.join(root, relative), 'utf8'),
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
  if (options.git !== false) {
    git('init', '-q');
    repo.commit('Initial skills');
  }
  return repo;
}

/** Sets `metadata.version` in a SKILL.md text. */
export function withVersion(text: string, version: string): string {
  return text.replace(/^( {2}version: )"[^"]*"$/m, `$1"${version}"`);
}

/** A `tempRepo` factory for one test file: every repository it makes is removed after each test. */
export function tempRepos(): (options?: { git?: boolean }) => TempRepo {
  const made: TempRepo[] = [];
  afterEach(() => {
    for (const repo of made.splice(0)) repo.remove();
  });
  return (options) => {
    const repo = tempRepo(options);
    made.push(repo);
    return repo;
  };
}
