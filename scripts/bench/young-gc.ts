// What V8's young-generation collections (scavenges) keep in one run of `check`: the bytes they promote to
// the old generation, and their pauses. Pages are checked one at a time, so little of a page should outlive
// a scavenge; a rise here means something holds pages longer than their check (an object literal with a
// getter on each page's shell extraction once promoted 9 MB more on 1,000 files).
import { spawnSync } from 'node:child_process';

export interface YoungGc {
  scavenges: number;
  promotedMb: number;
  pauseMs: number;
}

/** The scavenges of a `--trace-gc-nvp` trace, summed: one line per collection, `gc=s` for a scavenge. */
export function scavengeTotals(trace: string): YoungGc {
  let scavenges = 0;
  let promoted = 0;
  let pauseMs = 0;
  for (const line of trace.split('\n')) {
    if (!/\bgc=s\b/.test(line)) continue;
    scavenges++;
    promoted += Number(/\bpromoted=(\d+)/.exec(line)?.[1] ?? 0);
    pauseMs += Number(/\bpause=([\d.]+)/.exec(line)?.[1] ?? 0);
  }
  return { scavenges, promotedMb: promoted / 1024 / 1024, pauseMs };
}

/** One run of `check` on `target` under `--trace-gc-nvp` (V8 writes the trace to standard output). */
export function youngGc(node: string, bin: string, target: string, profile: 'spec' | 'cargo'): YoungGc {
  const run = spawnSync(node, ['--trace-gc-nvp', bin, 'check', target, '--format', 'json', '--profile', profile, '--threads', '1'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  if (run.status !== 0 && run.status !== 1) throw new Error(`check under --trace-gc-nvp failed (${run.status}): ${run.stderr.slice(0, 500)}`);
  return scavengeTotals(run.stdout);
}
