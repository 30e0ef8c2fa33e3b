// Runs inside a worker thread: parse the files handed over and send the documents back.
import { parentPort, workerData } from 'node:worker_threads';
import { parseFile } from '../project.ts';
import type { ParseJob } from './pool.ts';

const { jobs, cwd } = workerData as { jobs: ParseJob[]; cwd: string };
try {
  const results = jobs.map((job) => {
    const { doc, invocations } = parseFile(job.path, cwd, job.skillDir);
    const { pointAt: _dropped, ...cloneable } = doc;
    return { doc: cloneable, invocations };
  });
  parentPort!.postMessage({ results });
} catch (error) {
  parentPort!.postMessage({ error: (error as Error).message });
}
