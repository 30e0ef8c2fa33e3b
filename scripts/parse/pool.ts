// Parses files on worker threads. Documents come back by structured clone; only `pointAt`
// (a function) is rebuilt here, from the text.
import { Worker } from 'node:worker_threads';
import type { Document, Invocation } from '../core/types.ts';
import { lineStartsOf, makePointAt } from './positions.ts';

export interface ParseJob {
  path: string;
  skillDir?: string;
}

export type ClonedDocument = Omit<Document, 'pointAt'>;

export async function parseInWorkers(jobs: ParseJob[], cwd: string, threads: number): Promise<{ doc: Document; invocations: Invocation[] }[]> {
  const chunks: ParseJob[][] = Array.from({ length: threads }, () => []);
  // Round-robin keeps the chunks balanced when files of one skill are alike in size.
  jobs.forEach((job, index) => chunks[index % threads].push(job));
  const results = await Promise.all(chunks.map((chunk) => runWorker(chunk, cwd)));
  const byPath = new Map(results.flat().map((result) => [result.doc.file.path, result]));
  return jobs.map((job) => {
    const { doc, invocations } = byPath.get(job.path)!;
    const restored = doc as Document;
    restored.pointAt = makePointAt(lineStartsOf(doc.text), doc.text.length);
    return { doc: restored, invocations };
  });
}

function runWorker(jobs: ParseJob[], cwd: string): Promise<{ doc: ClonedDocument; invocations: Invocation[] }[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./worker.js', import.meta.url), { workerData: { jobs, cwd } });
    worker.once('message', (message: { results?: { doc: ClonedDocument; invocations: Invocation[] }[]; error?: string }) => {
      if (message.error) reject(new Error(message.error));
      else resolve(message.results!);
      void worker.terminate();
    });
    worker.once('error', reject);
  });
}
