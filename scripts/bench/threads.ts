// When a worker thread pays: `skill-lint check` with one thread and with two, run alternately on trees of
// growing size, so that project.ts can start workers from the size where two threads are quicker.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { writeCorpus } from './corpus.ts';
import { median, wallSeconds } from './timing.ts';

export interface ThreadsRow {
  label: string;
  files: number;
  oneThread: number;
  twoThreads: number;
}

/** Median wall seconds of `--threads 1` and `--threads 2` on `target`, over `repeat` alternate runs of each. */
export function compareThreads(node: string, bin: string, label: string, target: string, files: number, repeat: number, profile = 'spec'): ThreadsRow {
  const one: number[] = [];
  const two: number[] = [];
  const check = (threads: number) => wallSeconds(node, [bin, 'check', target, '--format', 'json', '--profile', profile, '--threads', String(threads)]);
  for (let run = 0; run < repeat; run++) {
    one.push(check(1));
    two.push(check(2));
  }
  return { label, files, oneThread: median(one), twoThreads: median(two) };
}

/** The same on generated corpora of each size in `sizes`. */
export function compareThreadsOnCorpora(node: string, bin: string, sizes: number[], repeat: number): ThreadsRow[] {
  return sizes.map((size) => {
    const root = mkdtempSync(path.join(tmpdir(), `skill-lint-bench-threads-${size}-`));
    try {
      const files = writeCorpus(root, size);
      return compareThreads(node, bin, `generated ${size}, spec`, root, files, repeat);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
}

export function printThreads(rows: ThreadsRow[], cores: number): void {
  console.log(`\nworker threads on ${cores} cores: \`check --threads 1\` against \`--threads 2\`, medians of alternate runs\n`);
  console.log('| tree | files | 1 thread s | 2 threads s | 2 / 1 |');
  console.log('|---|---:|---:|---:|---:|');
  for (const row of rows) {
    console.log(`| ${row.label} | ${row.files} | ${row.oneThread.toFixed(2)} | ${row.twoThreads.toFixed(2)} | ${(row.twoThreads / row.oneThread).toFixed(2)} |`);
  }
}
