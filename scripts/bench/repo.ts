// `npm run bench -- --repo <path>`: skill-lint beside skill-check on any folder, run alternately so that a
// shared machine's drift falls on both alike, with the share of files skill-lint's fast readers took.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../core/paths.ts';
import { median, wallSeconds } from './timing.ts';

const SKILL_CHECK = path.join(repoRoot, 'node_modules/skill-check/bin/skill-check.js');

/**
 * The outermost folders under `root` that hold a SKILL.md, wherever they sit (`skills/`, `.curated/`...):
 * skill-lint is given each, so that it checks every page of every skill.
 */
export function skillFolders(root: string): string[] {
  const found: string[] = [];
  const visit = (dir: string) => {
    const entries = readdirSync(dir, { withFileTypes: true });
    if (entries.some((entry) => entry.isFile() && entry.name === 'SKILL.md')) {
      found.push(dir);
      return;
    }
    for (const entry of entries) if (entry.isDirectory() && entry.name !== 'node_modules' && entry.name !== '.git') visit(path.join(dir, entry.name));
  };
  visit(root);
  return found.sort();
}

/** Files skill-lint read and how many its markdown reader took itself, from `check --stats`. */
function fastShare(node: string, bin: string, folders: string[], cwd: string): { files: number; fast: number; reasons: string[] } {
  const run = spawnSync(node, [bin, 'check', ...folders, '--format', 'json', '--stats'], { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const lines = run.stderr.split('\n');
  const markdown = lines.findIndex((line) => line.startsWith('markdown: '));
  const counts = /^markdown: (\d+) files, (\d+) read fast/.exec(lines[markdown] ?? '');
  if (!counts) throw new Error(`no --stats figures from skill-lint: ${run.stderr.slice(0, 500)}`);
  const reasons: string[] = [];
  for (let i = markdown + 1; i < lines.length && lines[i].startsWith('  '); i++) reasons.push(lines[i].trim());
  return { files: Number(counts[1]), fast: Number(counts[2]), reasons };
}

/** Prints, per folder, both tools' median wall time over `repeat` alternate runs, their ratio and the fast share. */
export function compareOnRepos(repos: string[], node: string, bin: string, repeat: number): void {
  console.log(`skill-lint check (every page) against skill-check 1.2.0 check (each SKILL.md), ${repeat} alternate runs each, medians\n`);
  console.log('| folder | skills | files | fast path | skill-lint s | skill-check s | ratio |');
  console.log('|---|---:|---:|---:|---:|---:|---:|');
  const notes: string[] = [];
  for (const repo of repos) {
    const folders = skillFolders(repo);
    if (folders.length === 0) throw new Error(`no SKILL.md under ${repo}`);
    const lintTimes: number[] = [];
    const checkTimes: number[] = [];
    // Both tools run inside the folder they check, as its authors would run them: from here, skill-lint
    // would read this repository's configuration instead.
    for (let run = 0; run < repeat; run++) {
      lintTimes.push(wallSeconds(node, [bin, 'check', ...folders, '--format', 'json'], repo));
      checkTimes.push(wallSeconds(node, [SKILL_CHECK, 'check', repo, '--format', 'json', '--no-security-scan'], repo));
    }
    const share = fastShare(node, bin, folders, repo);
    const lintSeconds = median(lintTimes);
    const checkSeconds = median(checkTimes);
    const percent = share.files === 0 ? 100 : (100 * share.fast) / share.files;
    console.log(`| ${path.basename(repo)} | ${folders.length} | ${share.files} | ${percent.toFixed(1)}% | ${lintSeconds.toFixed(2)} | ${checkSeconds.toFixed(2)} | ${(lintSeconds / checkSeconds).toFixed(2)}× |`);
    if (share.reasons.length > 0) notes.push(`${path.basename(repo)}, files left to remark: ${share.reasons.join('; ')}`);
  }
  if (notes.length > 0) console.log(`\n${notes.join('\n')}`);
}
