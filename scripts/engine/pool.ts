// Parses files and runs the per-file rules on this thread and on worker threads at once. All of them take
// the next file from one shared counter, so a thread that starts late (a worker loads its code first) or
// meets slow files simply takes fewer. Workers send back, in batches as they go, their diagnostics and each
// document as an index (no text, code or tables), so no thread holds the whole tree. `pointAt` (a function)
// is rebuilt here from the line starts.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Worker } from 'node:worker_threads';
import { workerThreads } from '../core/builtins.ts';
import type { Diagnostic, Document, DocumentIndex } from '../core/types.ts';
import type { RunSettings } from './run-rules.ts';
import { type LinkResolution, adoptResolutions, resolutionsOf, shareResolutions } from '../extract/links.ts';
import { bundleFile, repoRoot } from '../core/paths.ts';
import { makePointAt } from '../parse/positions.ts';
import { type ReaderStats, addStats, emptyStats } from '../parse/fast-read.ts';

export interface FileJob {
  path: string;
  skillDir?: string;
}

export interface WorkerInput {
  jobs: FileJob[];
  root: string;
  /** The ids of the registry rules to run on each file. */
  ruleIds: string[];
  settings: RunSettings;
  /** One Int32: the index of the next job to take, shared by every thread. */
  next: Int32Array;
  /** One Int32 per worker (see WorkerClaim): whether it began taking jobs, or was let go before it could. */
  claims: Int32Array;
  /** This worker's cell in `claims`. */
  slot: number;
}

/**
 * A worker's cell in `claims`. A worker loads its code before it can take a job; if this thread runs out of
 * jobs first, it lets the worker go instead of waiting for it to start. Whichever of the two moves the cell
 * from `Waiting` first wins, so a job is never both taken and dropped.
 */
export const WorkerClaim = { Waiting: 0, Started: 1, LetGo: 2 } as const;

/** Moves a worker's cell from Waiting to `to`; true when this call did it. */
export function claimWorker(claims: Int32Array, slot: number, to: typeof WorkerClaim.Started | typeof WorkerClaim.LetGo): boolean {
  return Atomics.compareExchange(claims, slot, WorkerClaim.Waiting, to) === WorkerClaim.Waiting;
}

/**
 * A document's index as it crosses threads: without `pointAt`, with what rebuilds it. The line starts are
 * a typed array: copied as one block, and kept off the main thread's garbage-collected heap.
 */
export interface SentDocument {
  doc: Omit<DocumentIndex, 'pointAt'>;
  lineStarts: Uint32Array;
  length: number;
  /** The links the per-file rules resolved, so that project rules need not ask the disk again. */
  resolutions: (LinkResolution | undefined)[];
}

/** One message from a worker: a batch of results, the end of its work (with its readers' counts), or why it stopped. */
export type WorkerMessage = { documents: SentDocument[]; diagnostics: Diagnostic[] } | { done: true; stats: ReaderStats } | { error: string };

/** Files per message: small enough that a worker holds little, large enough that messages stay few. */
export const BATCH_SIZE = 50;
/**
 * A worker's heap cap. Files reach workers only below the size limit set in project.ts, so a parse needs a
 * few megabytes; the cap keeps garbage from piling up while the main thread's share grows.
 */
const WORKER_HEAP_MB = 192;

/** Takes jobs from the shared counter until none are left. */
export function* takeJobs(jobs: FileJob[], next: Int32Array): Generator<FileJob> {
  for (let index = Atomics.add(next, 0, 1); index < jobs.length; index = Atomics.add(next, 0, 1)) yield jobs[index];
}

/** What an index keeps of a document: all but its text and parse, which the project's rules never read. */
function indexFields(doc: Document): SentDocument['doc'] {
  const { text: _text, ...file } = doc.file;
  // Field by field: the fields an index keeps are few, and a rest spread would copy whatever else a document grows.
  return {
    file,
    frontmatter: doc.frontmatter,
    headings: doc.headings,
    anchors: doc.anchors,
    links: doc.links,
    mentions: doc.mentions,
    bodyLines: doc.bodyLines,
    disabledLines: doc.disabledLines,
  };
}

/** The document's index, with the line starts that rebuild `pointAt`. */
export function toSent(doc: Document): SentDocument {
  return { doc: indexFields(doc), lineStarts: Uint32Array.from(doc.lineStarts), length: doc.text.length, resolutions: resolutionsOf(doc) };
}

/** The index a sent document rebuilds, answering from the resolutions it carries. */
export function fromSent(sent: SentDocument): DocumentIndex {
  const index = { ...sent.doc, pointAt: makePointAt(sent.lineStarts, sent.length) };
  adoptResolutions(index, sent.resolutions);
  return index;
}

/**
 * A document reduced to its index in this thread: what a worker would send, without the copies sending
 * needs. Its `pointAt` and link resolutions are the document's own (`pointAt` holds the line starts, not
 * the text).
 */
export function asIndex(doc: Document): DocumentIndex {
  const index = { ...indexFields(doc), pointAt: doc.pointAt };
  shareResolutions(doc, index);
  return index;
}

/**
 * Lints `jobs` on this thread and `workers` worker threads; `check` is what this thread does with one file
 * (the workers do the same in worker-main.ts). Without `check`, this thread takes none.
 */
export async function lintFilesShared(
  jobs: FileJob[],
  root: string,
  ruleIds: string[],
  settings: RunSettings,
  workers: number,
  check: ((job: FileJob) => { doc: Document; diagnostics: Diagnostic[] }) | undefined,
): Promise<{ documents: Map<string, DocumentIndex>; diagnostics: Diagnostic[]; workerStats: ReaderStats }> {
  const next = new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT));
  const documents = new Map<string, DocumentIndex>();
  const diagnostics: Diagnostic[] = [];
  const receive = (batch: { documents: SentDocument[]; diagnostics: Diagnostic[] }) => {
    for (const sent of batch.documents) documents.set(sent.doc.file.path, fromSent(sent));
    diagnostics.push(...batch.diagnostics);
  };
  const workerStats = emptyStats();
  const claims = new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT * Math.max(1, workers)));
  const running = Array.from({ length: workers }, (_, slot) => runWorker({ jobs, root, ruleIds, settings, next, claims, slot }, receive, workerStats));
  // Keep the rejection until it is awaited below: this thread is busy with its own share meanwhile.
  for (const run of running) run.done.catch(() => undefined);
  if (check) {
    for (const job of takeJobs(jobs, next)) {
      const checked = check(job);
      diagnostics.push(...checked.diagnostics);
      documents.set(job.path, asIndex(checked.doc));
    }
    // Every job is taken: a worker still loading would only start to find none left.
    running.forEach((run, slot) => {
      if (claimWorker(claims, slot, WorkerClaim.LetGo)) run.letGo();
    });
  }
  await Promise.all(running.map((run) => run.done));
  return { documents, diagnostics, workerStats };
}

/**
 * A worker thread on `input`. Run from the bundle, it loads the bundle through the code cache, as the
 * command does (scripts/bin/cached-script.js); from the sources, through tsx (worker.js).
 */
function startWorker(input: WorkerInput): Worker {
  const options = { workerData: input, resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } };
  if (!bundleFile) return new (workerThreads().Worker)(new URL('./worker.js', import.meta.url), options);
  const loader = pathToFileURL(path.join(repoRoot, 'scripts/bin/cached-script.js')).href;
  const start = `import(${JSON.stringify(loader)}).then(({ runCommonJs }) => runCommonJs(${JSON.stringify(bundleFile)}).exports.workerMain());`;
  return new (workerThreads().Worker)(start, { ...options, eval: true });
}

/** A running worker: `done` settles when its work is in; `letGo` ends one that never took a job. */
function runWorker(
  input: WorkerInput,
  receive: (batch: { documents: SentDocument[]; diagnostics: Diagnostic[] }) => void,
  stats: ReaderStats,
): { done: Promise<void>; letGo: () => void } {
  const worker = startWorker(input);
  let letGo = () => {};
  const done = new Promise<void>((resolve, reject) => {
    letGo = () => {
      resolve();
      void worker.terminate();
    };
    worker.on('message', (message: WorkerMessage) => {
      if ('error' in message) {
        reject(new Error(message.error));
        void worker.terminate();
      } else if ('done' in message) {
        addStats(stats, message.stats);
        resolve();
        void worker.terminate();
      } else {
        receive(message);
      }
    });
    worker.once('error', reject);
  });
  return { done, letGo };
}
