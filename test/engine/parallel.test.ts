import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeCorpus } from '../../scripts/bench/corpus.ts';
import { lint, lintParallel } from '../../scripts/engine/lint.ts';
import { WORKER_FILE_LIMIT, usableThreads } from '../../scripts/engine/project.ts';
import { WorkerClaim, claimWorker } from '../../scripts/engine/pool.ts';
import { allRules } from '../../scripts/rules/index.ts';

const root = mkdtempSync(path.join(tmpdir(), 'skill-lint-parallel-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('parsing and per-file rules on worker threads', () => {
  it('give the same diagnostics, document index and skills as one thread, large files included', async () => {
    // Small, with the threads asked for: what is compared does not depend on the tree's size.
    const files = writeCorpus(root, 120);
    // Plant defects for per-file and cross-file rules alike, so there is something to compare.
    writeFileSync(
      path.join(root, 'skill-00001/references/page-0.md'),
      "# Broken\n\n[x](missing.md) [y](../SKILL.md#nowhere)\n\n```json\n{\"a\":}\n```\n\n```bash\ncargo-ai orchestration rn list --limit 5\n```\n",
    );
    // Past the worker size limit: parsed on the main thread, with the same findings.
    const big = path.join(root, 'skill-00002/references/page-1.md');
    writeFileSync(big, `# Big\n\n${'Plain words for the size limit. '.repeat(Math.ceil(WORKER_FILE_LIMIT / 30))}\n\n[gone](gone.md) [home](../SKILL.md)\n`);
    for (const profile of ['spec', 'cargo'] as const) {
      const sequential = lint({ rules: allRules, paths: [root], cwd: root, profile });
      const parallel = await lintParallel({ rules: allRules, paths: [root], cwd: root, profile, threads: 3 });
      expect(parallel.diagnostics).toEqual(sequential.diagnostics);
      expect(new Set(parallel.diagnostics.map((d) => d.ruleId))).toEqual(new Set(sequential.diagnostics.map((d) => d.ruleId)));
      expect(parallel.project.documents.size).toBe(files);
      expect(parallel.project.skills.map((skill) => skill.doc.frontmatter.value)).toEqual(sequential.project.skills.map((skill) => skill.doc.frontmatter.value));
    }
    const { diagnostics, project } = await lintParallel({ rules: allRules, paths: [root], cwd: root, profile: 'cargo', threads: 3 });
    expect(diagnostics.filter((d) => d.file.endsWith('page-0.md') && d.line >= 3).map((d) => d.ruleId).sort()).toEqual(['command-unknown', 'json-block', 'link-anchor', 'link-target']);
    const page = path.join(root, 'skill-00001/references/page-0.md');
    const sequential = lint({ rules: allRules, paths: [root], cwd: root, profile: 'cargo' }).project.documents.get(page)!;
    const index = project.documents.get(page)!;
    expect(index).not.toHaveProperty('text');
    expect(index).not.toHaveProperty('codeBlocks');
    expect({ links: index.links, headings: index.headings, anchors: index.anchors }).toEqual({ links: sequential.links, headings: sequential.headings, anchors: sequential.anchors });
    expect(index.pointAt(40)).toEqual(sequential.pointAt(40));
    expect(diagnostics.filter((d) => d.file.endsWith('skill-00002/references/page-1.md')).map((d) => `${d.line} ${d.ruleId}`)).toEqual(['5 link-target']);
  }, 240_000);
});

describe('a worker still loading when the jobs run out', () => {
  it('is either started or let go, never both: the first to move its cell wins', () => {
    const claims = new Int32Array(new SharedArrayBuffer(8));
    expect(claimWorker(claims, 0, WorkerClaim.LetGo)).toBe(true);
    expect(claimWorker(claims, 0, WorkerClaim.Started)).toBe(false);
    expect(claimWorker(claims, 1, WorkerClaim.Started)).toBe(true);
    expect(claimWorker(claims, 1, WorkerClaim.LetGo)).toBe(false);
    expect([...claims]).toEqual([WorkerClaim.LetGo, WorkerClaim.Started]);
  });

  it('is let go when this thread takes every file first, with the same results', async () => {
    // Three small files: this thread is done long before a worker from the sources has loaded its code.
    const small = mkdtempSync(path.join(tmpdir(), 'skill-lint-let-go-'));
    try {
      writeCorpus(small, 3);
      const sequential = lint({ rules: allRules, paths: [small], cwd: small, profile: 'spec' });
      const parallel = await lintParallel({ rules: allRules, paths: [small], cwd: small, profile: 'spec', threads: 2 });
      expect(parallel.diagnostics).toEqual(sequential.diagnostics);
      expect(parallel.project.documents.size).toBe(sequential.project.documents.size);
    } finally {
      rmSync(small, { recursive: true, force: true });
    }
  }, 60_000);
});

describe('the threads a request gets', () => {
  it('are at most what the machine runs at once', () => {
    expect(usableThreads(1000)).toBe(availableParallelism());
    expect(usableThreads(1)).toBe(1);
    expect(usableThreads(availableParallelism())).toBe(availableParallelism());
  });
});
