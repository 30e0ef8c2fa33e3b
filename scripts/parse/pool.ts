// Parses files and runs the per-file rules on worker threads. Workers send back, in batches as they go, their
// diagnostics and each document as an index (no text, code or tables), so neither they nor the main thread
// ever hold the whole tree. `pointAt` (a function) is rebuilt here from the line starts.
import { Worker } from 'node:worker_threads';
import type { Diagnostic, DocumentIndex } from '../core/types.ts';
import type { RunSettings } from '../lint.ts';
import { makePointAt } from './positions.ts';

export interface FileJob {
  path: string;
  skillDir?: string;
}

export interface WorkerInput {
  jobs: FileJob[];
  root: string;
  settings: RunSettings;
}

/**
 * A document's index as it crosses threads: without `pointAt`, with what rebuilds it. The line starts are
 * a typed array: copied as one block, and kept off the main thread's garbage-collected heap.
 */
export interface SentDocument {
  doc: Omit<DocumentIndex, 'pointAt'>;
  lineStarts: Uint32Array;
  length: number;
}

/** One message from a worker: a batch of results, the end of its work, or why it stopped. */
export type WorkerMessage = { documents: SentDocument[]; diagnostics: Diagnostic[] } | { done: true } | { error: string };

/** Files per message: small enough that a worker holds little, large enough that messages stay few. */
export const BATCH_SIZE = 50;
/**
 * A worker's heap cap. Files reach workers only below the size limit set in project.ts, so a parse needs a
 * few megabytes; the cap keeps garbage from piling up while the main thread's share grows.
 */
const WORKER_HEAP_MB = 192;

export async function lintFilesInWorkers(
  jobs: FileJob[],
  root: string,
  settings: RunSettings,
  threads: number,
): Promise<{ documents: Map<string, DocumentIndex>; diagnostics: Diagnostic[] }> {
  const chunks: FileJob[][] = Array.from({ length: threads }, () => []);
  // Round-robin keeps the chunks balanced when files of one skill are alike in size.
  jobs.forEach((job, index) => chunks[index % threads].push(job));
  const documents = new Map<string, DocumentIndex>();
  const diagnostics: Diagnostic[] = [];
  const receive = (batch: { documents: SentDocument[]; diagnostics: Diagnostic[] }) => {
    for (const sent of batch.documents) documents.set(sent.doc.file.path, { ...sent.doc, pointAt: makePointAt(sent.lineStarts, sent.length) });
    diagnostics.push(...batch.diagnostics);
  };
  await Promise.all(chunks.map((chunk) => runWorker({ jobs: chunk, root, settings }, receive)));
  return { documents, diagnostics };
}

function runWorker(input: WorkerInput, receive: (batch: { documents: SentDocument[]; diagnostics: Diagnostic[] }) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./worker.js', import.meta.url), { workerData: input, resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } });
    worker.on('message', (message: WorkerMessage) => {
      if ('error' in message) {
        reject(new Error(message.error));
        void worker.terminate();
      } else if ('done' in message) {
        resolve();
        void worker.terminate();
      } else {
        receive(message);
      }
    });
    worker.once('error', reject);
  });
}
