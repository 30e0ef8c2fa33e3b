// Runs inside a worker thread: take files from the shared counter, parse each, run the per-file rules on it,
// and send back only the diagnostics and the document's index (all the main thread's rules read), a batch at
// a time.
import type { Diagnostic } from '../core/types.ts';
import { workerThreads } from '../core/builtins.ts';
import { parseAndCheckFile, registryRules } from './project.ts';
import { takeStats, useReferenceParsers } from '../parse/fast-read.ts';
import { BATCH_SIZE, type SentDocument, type WorkerInput, type WorkerMessage, WorkerClaim, claimWorker, takeJobs, toSent } from './pool.ts';

/** The work of one worker thread, on the jobs and settings in its `workerData`. */
export function workerMain(): void {
  const { parentPort, workerData } = workerThreads();
  const { jobs, root, ruleIds, settings, next, claims, slot } = workerData as WorkerInput;
  // Let go while loading: the main thread took every job already and no longer waits for this one.
  if (!claimWorker(claims, slot, WorkerClaim.Started)) return;
  const rules = registryRules(ruleIds);
  useReferenceParsers(settings.referenceParsers ?? false);
  const send = (message: WorkerMessage) => parentPort!.postMessage(message);
  try {
    let documents: SentDocument[] = [];
    let diagnostics: Diagnostic[] = [];
    // The files shared out to the threads: links to them need no look-up (files too large to share are looked up).
    const linted = new Set(jobs.map((job) => job.path));
    for (const job of takeJobs(jobs, next)) {
      const checked = parseAndCheckFile(job, root, rules, settings, linted);
      diagnostics.push(...checked.diagnostics);
      documents.push(toSent(checked.doc));
      if (documents.length >= BATCH_SIZE) {
        send({ documents, diagnostics });
        documents = [];
        diagnostics = [];
      }
    }
    send({ documents, diagnostics });
    send({ done: true, stats: takeStats() });
  } catch (error) {
    send({ error: (error as Error).message });
  }
}
