// The benchmark's young-generation figures: scavenge lines of V8's --trace-gc-nvp trace summed, other lines left out.
import { describe, expect, it } from 'vitest';
import { scavengeTotals } from '../../scripts/bench/young-gc.ts';

describe('scavengeTotals', () => {
  it('sums the promoted bytes and pauses of the scavenges alone', () => {
    const trace = [
      '[1:0x1]    12 ms: pause=1.5 mutator=10.0 gc=s reduce_memory=0 time_to_safepoint=0.00 heap.prologue=0.00 promoted=1048576 semi_space_copied=2048',
      '[{"file":"a.md"}]',
      '[1:0x1]    40 ms: pause=3.0 mutator=20.0 gc=ms reduce_memory=0 promoted=999999999',
      '[1:0x1]    52 ms: pause=0.5 mutator=11.0 gc=s reduce_memory=0 promoted=524288 semi_space_copied=0',
    ].join('\n');
    expect(scavengeTotals(trace)).toEqual({ scavenges: 2, promotedMb: 1.5, pauseMs: 2 });
  });

  it('gives zeros for a trace without a scavenge', () => {
    expect(scavengeTotals('[]\n[1:0x1]  9 ms: pause=2.0 gc=mc promoted=10\n')).toEqual({ scavenges: 0, promotedMb: 0, pauseMs: 0 });
  });
});
