import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeCorpus } from '../../scripts/bench/corpus.ts';
import { lint, lintParallel } from '../../scripts/lint.ts';
import { PARALLEL_THRESHOLD } from '../../scripts/project.ts';

const root = mkdtempSync(path.join(tmpdir(), 'skill-lint-parallel-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('parsing on worker threads', () => {
  it('gives the same diagnostics and invocations as parsing in one thread', async () => {
    const files = writeCorpus(root, PARALLEL_THRESHOLD + 20);
    // Plant defects so there is something to compare.
    writeFileSync(path.join(root, 'skill-00001/references/page-0.md'), '# Broken\n\n[x](missing.md)\n\n```json\n{"a":}\n```\n');
    const sequential = lint({ paths: [root], cwd: root, profile: 'spec' });
    const parallel = await lintParallel({ paths: [root], cwd: root, profile: 'spec' });
    expect(parallel.project.documents.size).toBe(files);
    expect(parallel.diagnostics).toEqual(sequential.diagnostics);
    expect(parallel.diagnostics.length).toBeGreaterThan(0);
    const count = (result: typeof sequential) => [...result.project.invocations.values()].flat().length;
    expect(count(parallel)).toBe(count(sequential));
    const doc = parallel.project.documents.get(path.join(root, 'skill-00001/references/page-0.md'))!;
    expect(doc.pointAt(5)).toEqual(sequential.project.documents.get(doc.file.path)!.pointAt(5));
  }, 120_000);
});
