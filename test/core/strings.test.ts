// detached: a piece of a page that no longer keeps the page alive; TextMemo, the long-lived table keyed by such pieces.
import { runInNewContext } from 'node:vm';
import { setFlagsFromString } from 'node:v8';
import { expect, it } from 'vitest';
import { TextMemo, detached } from '../../scripts/core/strings.ts';

setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc') as () => void;

/** Heap in use, in MB, after keeping a 30-character piece (made by `keep`) of each of forty 1 MB texts. */
function heldBy(keep: (piece: string) => string): number {
  collect();
  const before = process.memoryUsage().heapUsed;
  const kept: string[] = [];
  for (let i = 0; i < 40; i++) {
    const page = `${'x'.repeat(99)}${i % 10}`.repeat(10_000);
    kept.push(keep(page.slice(5_000, 5_030)));
  }
  collect();
  const held = (process.memoryUsage().heapUsed - before) / 1e6;
  expect(kept.every((piece) => piece.length === 30)).toBe(true);
  return held;
}

it('copies the text exactly', () => {
  for (const text of ['', 'a', '## Batch: `batch get`', 'ü'.repeat(40)]) expect(detached(text)).toBe(text);
});

it('keeps only the piece, where a slice keeps the whole text it was cut from', () => {
  expect(heldBy((piece) => piece)).toBeGreaterThan(30);
  expect(heldBy(detached)).toBeLessThan(5);
});

it('remembers by text, gives back what it stores, and starts over once full', () => {
  const memo = new TextMemo<number>(2);
  expect(memo.set('## Batch: `batch get`'.slice(0, 9), 1)).toBe(1);
  expect(memo.get('## Batch:')).toBe(1);
  memo.set('b', 2);
  expect(memo.get('b')).toBe(2);
  memo.set('c', 3);
  expect([memo.get('## Batch:'), memo.get('b'), memo.get('c')]).toEqual([undefined, undefined, 3]);
});
