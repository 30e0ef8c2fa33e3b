// How long `check --watch` takes to print a new report after a save: a watch process on a copy of this
// package's skills, pages edited one after another, and the time from each write until the status line
// that follows the new report. The copy is a git repository with a release tag, so each lint also asks git
// what changed since the release, as in a real checkout. Run alone with `npx tsx scripts/bench/watch.ts`; `npm run bench` runs it too.
import { execFileSync, spawn } from 'node:child_process';
import { appendFileSync, cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { repoRoot } from '../core/paths.ts';

const PAGES = ['cargo-billing/SKILL.md', 'cargo-storage/references/troubleshooting.md', 'cargo/SKILL.md', 'cargo-gtm/recipes/funding-watch.md'];

export interface WatchTiming {
  saves: number;
  medianMs: number;
  fastestMs: number;
  slowestMs: number;
}

/** Saves `saves` pages in turn under a watch process on `node`, and times each new report. */
export async function measureWatch(node: string, saves = 12): Promise<WatchTiming> {
  const work = mkdtempSync(path.join(tmpdir(), 'skill-lint-watch-bench-'));
  cpSync(path.join(repoRoot, 'skills'), path.join(work, 'skills'), { recursive: true });
  // A repository with a release tag, as in a real checkout: release-version then asks git what changed.
  for (const args of [['init', '-q'], ['add', '.'], ['-c', 'user.name=bench', '-c', 'user.email=bench@example.com', 'commit', '-qm', 'skills'], ['tag', 'v1.0.0']]) {
    execFileSync('git', args, { cwd: work });
  }
  const child = spawn(node, [path.join(repoRoot, 'scripts/bin/skill-lint.js'), 'check', '--watch', 'skills'], { cwd: work, stdio: ['ignore', 'ignore', 'pipe'] });
  let buffered = '';
  let waiting: ((line: string) => void) | undefined;
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => {
    buffered += chunk;
    let end: number;
    while ((end = buffered.indexOf('\n')) >= 0) {
      const line = buffered.slice(0, end);
      buffered = buffered.slice(end + 1);
      waiting?.(line);
    }
  });
  const next = (pattern: RegExp) =>
    new Promise<void>((resolve) => {
      waiting = (line) => {
        if (pattern.test(line)) resolve();
      };
    });
  try {
    await next(/watching/);
    const times: number[] = [];
    for (let save = 0; save < saves; save++) {
      // Let the previous report's events settle, as between two saves in an editor.
      await new Promise((resolve) => setTimeout(resolve, 150));
      const report = next(/changed:/);
      const started = performance.now();
      appendFileSync(path.join(work, 'skills', PAGES[save % PAGES.length]), `\nEdited ${save}.\n`);
      await report;
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    return { saves, medianMs: times[Math.floor(times.length / 2)], fastestMs: times[0], slowestMs: times[times.length - 1] };
  } finally {
    child.kill('SIGINT');
    rmSync(work, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const timing = await measureWatch(process.env.BENCH_NODE ?? process.execPath);
  console.log(`check --watch on skills/: a save to a new report in ${Math.round(timing.medianMs)} ms (median of ${timing.saves}; ${Math.round(timing.fastestMs)}-${Math.round(timing.slowestMs)} ms)`);
}
