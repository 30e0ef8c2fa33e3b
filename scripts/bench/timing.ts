// How the benchmark times a command: wall seconds of one run, process start included, and the median of
// several (runs of a few seconds vary from one to the next on a shared machine).
import { spawnSync } from 'node:child_process';
import path from 'node:path';

/** Wall seconds of `node args` in `cwd`; exit 1 (findings) still counts, any other failure throws. */
export function wallSeconds(node: string, args: string[], cwd?: string): number {
  const start = process.hrtime.bigint();
  const run = spawnSync(node, args, { cwd, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (run.status !== 0 && run.status !== 1) throw new Error(`${path.basename(args[0])} ${args.slice(1, 2).join(' ')} failed (${run.status}): ${run.stderr.slice(0, 500)}`);
  return seconds;
}

export const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
