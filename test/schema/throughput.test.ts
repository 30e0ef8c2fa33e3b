// The command rules run over every example of every file: checking must stay far below a millisecond per
// invocation once the validators are compiled.
import { expect, it } from 'vitest';
import { extractInvocations } from '../../scripts/extract/invocations.ts';
import { checkInvocation } from '../../scripts/schema/check.ts';
import { docOf, fence } from '../extract/helpers.ts';

it('checks thousands of invocations per second', () => {
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
  checkInvocation(invocations[0]);
  const started = performance.now();
  const findings = invocations.flatMap((invocation) => checkInvocation(invocation));
  const elapsed = performance.now() - started;
  expect(findings).toEqual([]);
  expect(elapsed).toBeLessThan(1000);
});
