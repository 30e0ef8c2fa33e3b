// Runs inside a worker thread: parse each file handed over, run the per-file rules on it, and send back only
// the diagnostics and the document's index (all the main thread's rules read), a batch at a time.
import { parentPort, workerData } from 'node:worker_threads';
import type { Diagnostic, Document } from '../core/types.ts';
import { parseAndCheckFile } from '../project.ts';
import { BATCH_SIZE, type SentDocument, type WorkerInput, type WorkerMessage } from './pool.ts';
import { lineStartsOf } from './positions.ts';

const { jobs, root, settings } = workerData as WorkerInput;
const send = (message: WorkerMessage) => parentPort!.postMessage(message);
try {
  let documents: SentDocument[] = [];
  let diagnostics: Diagnostic[] = [];
  for (const job of jobs) {
    const checked = parseAndCheckFile(job, root, settings);
    diagnostics.push(...checked.diagnostics);
    documents.push(toSend(checked.doc));
    if (documents.length >= BATCH_SIZE) {
      send({ documents, diagnostics });
      documents = [];
      diagnostics = [];
    }
  }
  send({ documents, diagnostics });
  send({ done: true });
} catch (error) {
  send({ error: (error as Error).message });
}

/** The document's index, with the line starts that rebuild `pointAt`. */
function toSend(doc: Document): SentDocument {
  const { pointAt: _function, text, tables: _tables, codeBlocks: _code, inlineCode: _inline, file, ...index } = doc;
  const { text: _sameText, ...info } = file;
  return { doc: { ...index, file: info }, lineStarts: Uint32Array.from(lineStartsOf(text)), length: text.length };
}
