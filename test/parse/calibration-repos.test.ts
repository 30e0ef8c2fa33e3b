// The fast readers against the reference parsers on real repositories other people wrote: every markdown
// file of the four calibration repositories must give remark's Document, and a check of each must report
// the same diagnostics as with --reference-parsers. Those repositories live outside this one, in
// /work/calib (never copied here); where that folder is absent, as in CI, the tests are skipped.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { skillFolders } from '../../scripts/bench/repo.ts';
import { lintParallel } from '../../scripts/engine/lint.ts';
import { allRules } from '../../scripts/rules/index.ts';
import { sameDocument } from './reader-helpers.ts';

const CALIBRATION = '/work/calib';
const REPOS = ['anthropics__skills', 'vercel-labs__agent-skills', 'obra__superpowers', 'openai__skills'];
const present = REPOS.filter((repo) => existsSync(path.join(CALIBRATION, repo)));

function markdownFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.md') && !entry.parentPath.includes('node_modules'))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

describe.skipIf(present.length === 0)('calibration repositories in /work/calib (skipped where absent, as in CI)', () => {
  it.each(present)('%s: every markdown file gives remark’s Document', (repo) => {
    const files = markdownFiles(path.join(CALIBRATION, repo));
    expect(files.length).toBeGreaterThan(20);
    for (const file of files) sameDocument(readFileSync(file, 'utf8'));
  }, 300_000);

  it.each(present)('%s: the same diagnostics with the fast readers and with the reference parsers', async (repo) => {
    const paths = skillFolders(path.join(CALIBRATION, repo));
    const fast = await lintParallel({ rules: allRules, paths, cwd: CALIBRATION });
    const reference = await lintParallel({ rules: allRules, paths, cwd: CALIBRATION, referenceParsers: true });
    expect(fast.project.documents.size).toBeGreaterThan(20);
    expect(fast.diagnostics).toEqual(reference.diagnostics);
  }, 300_000);
});
