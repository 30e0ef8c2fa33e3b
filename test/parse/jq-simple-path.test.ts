import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readSimplePath } from '../../scripts/parse/jq-simple-path.ts';

const JQ = '/usr/bin/jq';
const SAMPLE = { release: { actions: [{ kind: 'native' }, { kind: 'tool' }], 'odd key': { x: 1 } }, runs: [{ uuid: 'r1' }] };

/** The value at `steps` of `value`, as jq gives it (a missing key or index is null). */
function at(value: unknown, steps: (string | number)[]): unknown {
  let current = value;
  for (const step of steps) current = current === null || typeof current !== 'object' ? null : ((current as Record<string | number, unknown>)[step] ?? null);
  return current;
}

describe('readSimplePath', () => {
  const paths = ['.', '.release', '.release.actions', '.release.actions[1].kind', '.runs[0].uuid', '.["release"]["odd key"].x', '.release."odd key"', '.[ "release" ]', '.missing.key'];
  const refused = ['.a[]', '.a | .b', 'map(.x)', '.a?', '.a.[0]', 'release', '.a,.b', '.[]'];

  it('reads plain paths into steps', () => {
    expect(readSimplePath('.release.actions[1].kind')).toEqual(['release', 'actions', 1, 'kind']);
    expect(readSimplePath('.')).toEqual([]);
    expect(readSimplePath('.["odd key"]')).toEqual(['odd key']);
  });

  it('refuses what is not a plain path', () => {
    for (const filter of refused) expect(readSimplePath(filter), filter).toBeUndefined();
  });

  it.skipIf(!existsSync(JQ))('agrees with the real jq on every path it reads', () => {
    for (const filter of [...paths, ...refused]) {
      const steps = readSimplePath(filter);
      if (!steps) continue;
      const output = execFileSync(JQ, ['-c', filter], { input: JSON.stringify(SAMPLE), encoding: 'utf8' });
      expect(JSON.parse(output), filter).toEqual(at(SAMPLE, steps));
    }
  });
});
