// Offsets to points: line and column of any offset, whatever order the offsets are asked in.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lineStartsOf, makePointAt } from '../../scripts/parse/positions.ts';

/** The point of `offset` by counting: the reference the fast look-up must match. */
function counted(text: string, rawOffset: number): { line: number; column: number; offset: number } {
  const offset = Math.max(0, Math.min(rawOffset, text.length));
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - (before.lastIndexOf('\n') + 1) + 1, offset };
}

describe('makePointAt', () => {
  it('gives the line and column of each offset, 1-based, clamped to the text', () => {
    const text = 'ab\n\ncd\n';
    const pointAt = makePointAt(lineStartsOf(text), text.length);
    expect([0, 2, 3, 4, 6, 7, -5, 99].map(pointAt)).toEqual([
      { line: 1, column: 1, offset: 0 },
      { line: 1, column: 3, offset: 2 },
      { line: 2, column: 1, offset: 3 },
      { line: 3, column: 1, offset: 4 },
      { line: 3, column: 3, offset: 6 },
      { line: 4, column: 1, offset: 7 },
      { line: 1, column: 1, offset: 0 },
      { line: 4, column: 1, offset: 7 },
    ]);
  });

  it('answers as counting would, for offsets asked in any order, from a list or a typed array', () => {
    const text = fc.array(fc.constantFrom('a', 'bc', '\n', '\n\n', 'é'), { maxLength: 40 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(text, fc.array(fc.integer({ min: -3, max: 90 }), { maxLength: 30 }), (source, offsets) => {
        const starts = lineStartsOf(source);
        for (const pointAt of [makePointAt(starts, source.length), makePointAt(Uint32Array.from(starts), source.length)]) {
          // In order first, as a parse asks, then as given.
          for (const offset of [...[...offsets].sort((a, b) => a - b), ...offsets]) expect(pointAt(offset)).toEqual(counted(source, offset));
        }
      }),
      { numRuns: 1000, seed: 20261123 },
    );
  });
});
