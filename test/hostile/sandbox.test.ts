// The linter reads; it never opens the network and never writes outside its output folder.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { execa } from 'execa';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../scripts/core/paths.ts';

const bin = path.join(repoRoot, 'scripts/bin/skill-lint.js');
const guard = path.join(repoRoot, 'test/hostile/guard.mjs');
const work = mkdtempSync(path.join(tmpdir(), 'skill-lint-sandbox-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function guarded(args: string[], writeRoot?: string) {
  return execa('node', ['--import', guard, bin, ...args], {
    cwd: work,
    reject: false,
    // tsx would otherwise cache compiled sources in the temp folder: that write is the runner's, not the linter's.
    env: { TSX_DISABLE_CACHE: '1', ...(writeRoot ? { GUARD_WRITE_ROOT: writeRoot } : {}) },
  });
}

describe('sandbox', () => {
  cpSync(path.join(repoRoot, 'test/fixtures/planted/skills'), path.join(work, 'skills'), { recursive: true });

  it('the guard itself catches a write and a connection', async () => {
    const probe = await execa('node', ['--import', guard, '-e', "require('node:fs').writeFileSync('/tmp/guard-probe', 'x'); require('node:net').connect(80, 'example.com')"], { reject: false, env: { GUARD_WRITE_ROOT: work } });
    expect(probe.stderr).toContain('GUARD write writeFileSync /tmp/guard-probe');
    expect(probe.stderr).toContain('GUARD network');
  });

  for (const args of [['check', 'skills'], ['check', 'skills', '--format', 'sarif'], ['extract', 'skills'], ['rules']]) {
    it(`\`skill-lint ${args.join(' ')}\` neither writes nor connects`, async () => {
      const result = await guarded(args);
      expect(result.stderr).not.toMatch(/GUARD/);
      expect(result.exitCode).toBeLessThan(2);
    });
  }
});
