// Finding where a clause sends the reader: the fixed patterns used for ASCII names must agree with a
// pattern compiled for the name itself (the way other names are still found), on fixed and random clauses.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sendsTo, skipPatterns } from '../../scripts/extract/text.ts';

const RUNS = Number(process.env.FUZZ_RUNS ?? 60) * 20;
const SEED = Number(process.env.FUZZ_SEED ?? 20261123);

/** The verdict of the name's own pattern. */
function byOwnPattern(text: string, name: string): boolean {
  const { redirect, instead } = skipPatterns(name);
  return redirect.test(text) || instead.test(text);
}

const cases: [string, string, boolean][] = [
  ['For anything else, use cargo-billing instead.', 'cargo-billing', true],
  ['See also the "cargo-billing" skill', 'cargo-billing', true],
  ['hand off to `Cargo-Billing`', 'cargo-billing', true],
  ['cargo-billing skill instead', 'cargo-billing', true],
  ['use cargo-billing-v2', 'cargo-billing', false],
  ['cargo-billing handles invoices', 'cargo-billing', false],
  ['misuse cargo-billing', 'cargo-billing', false],
  ['use use cargo', 'cargo', true],
  ['use the the cargo', 'cargo', false],
  ['prefer\ncargo', 'cargo', true],
  ['use cargo_x instead', 'cargo', false],
];

describe('skip clauses', () => {
  it.each(cases)('%j sends the reader to %s: %s', (text, name, expected) => {
    expect(sendsTo(text, name)).toBe(expected);
    expect(byOwnPattern(text, name)).toBe(expected);
  });

  it('agree with the name’s own pattern on random clauses', () => {
    const names = ['cargo', 'cargo-billing', 'a_b', 'x1'];
    const piece = fc.constantFrom(
      'use', 'Use', 'USE', 'load', 'see', 'see also', 'prefer', 'try', 'switch to', 'go to', 'defer to', 'hand off to', 'the', 'The',
      'instead', 'Instead', 'skill', 'cargo', 'Cargo', 'CARGO', 'cargo-billing', 'cargo-billingx', 'xcargo', 'a_b', 'A_B', 'x1', 'X1',
      '`', '"', '“', '”', '*', '-', '_', '.', ',', ';', 'é', 'İ', 'ſ', 'K',
    );
    const join = fc.constantFrom(' ', '', '  ', '\n', '\t');
    const clause = fc.array(fc.tuple(piece, join), { minLength: 1, maxLength: 8 }).map((parts) => parts.map(([p, j]) => p + j).join(''));
    let sent = 0;
    fc.assert(
      fc.property(clause, fc.constantFrom(...names), (text, name) => {
        const verdict = sendsTo(text, name);
        if (verdict) sent++;
        expect(verdict, JSON.stringify([text, name])).toBe(byOwnPattern(text, name));
      }),
      { numRuns: RUNS, seed: SEED },
    );
    // Both verdicts must come up, or the agreement would say little.
    expect(sent).toBeGreaterThan(RUNS / 50);
  });
});
