// Node built-in modules that only some runs need, loaded on first use. Every import is loaded when the
// command starts, and these few cost milliseconds each (child processes, threads, compression, hashing: six
// for node:crypto alone) in a run that may never spawn git, start a worker, pack a tarball or write SARIF.
import { createRequire } from 'node:module';

const nodeRequire = createRequire(import.meta.url);

function onFirstUse<T>(name: string): () => T {
  let loaded: T | undefined;
  return () => (loaded ??= nodeRequire(name) as T);
}

export const childProcess = onFirstUse<typeof import('node:child_process')>('node:child_process');
export const workerThreads = onFirstUse<typeof import('node:worker_threads')>('node:worker_threads');
export const zlib = onFirstUse<typeof import('node:zlib')>('node:zlib');
export const crypto = onFirstUse<typeof import('node:crypto')>('node:crypto');
