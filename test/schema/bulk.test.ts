// Many invocations of the same commands: every one is checked (validators are reused across them), and
// valid ones stay valid whatever their values. Speed is measured by `npm run bench`, not here.
import { expect, it } from 'vitest';
import { extractInvocations } from '../../scripts/extract/invocations.ts';
import { checkInvocation } from '../../scripts/schema/check.ts';
import { docOf, fence } from '../extract/helpers.ts';

it('accepts two thousand valid invocations with varied values', () => {
  const lines: string[] = [];
  for (let i = 0; i < 2000; i++) {
    lines.push(
      i % 2 === 0
        ? `cargo-ai segmentation segment fetch --model-uuid m${i} --filter '{"conjonction":"and","groups":[{"conjonction":"or","conditions":[{"kind":"string","columnSlug":"c${i}","operator":"is","values":["v"]}]}]}' --fetching-limit ${i}`
        : `cargo-ai orchestration run count --workflow-uuid w${i} --statuses success,error --is-finished`,
    );
  }
  const invocations = extractInvocations(docOf(fence('bash', ...lines)));
  expect(invocations).toHaveLength(2000);
  expect(invocations.flatMap((invocation) => checkInvocation(invocation))).toEqual([]);
  // The same shapes with one wrong value each are all caught.
  const wrong = extractInvocations(docOf(fence('bash', ...lines.map((line) => line.replace('"is"', '"iz"').replace('success,error', 'success,eror')))));
  expect(wrong.map((invocation) => checkInvocation(invocation).length)).toEqual(wrong.map(() => 1));
});
