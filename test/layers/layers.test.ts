// The layering of scripts/ holds: no import circles, no import from a later layer into an earlier one.
import { createRequire } from 'node:module';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { cruise } from 'dependency-cruiser';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../scripts/core/paths.ts';

const require = createRequire(import.meta.url);
const config = require('./layers.cjs') as { LAYERS: string[]; forbidden: unknown[]; options: Record<string, unknown> };

async function violations(files: string[], cwd: string): Promise<string[]> {
  const previous = process.cwd();
  process.chdir(cwd);
  try {
    const result = await cruise(files, { ...config.options, validate: true, ruleSet: { forbidden: config.forbidden } } as never);
    const output = result.output as { summary: { violations: { from: string; to: string; rule: { name: string }; cycle?: { name: string }[] }[] } };
    return output.summary.violations.map((v) => `${v.rule.name}: ${v.from} -> ${v.to}${v.cycle ? ` (${v.cycle.map((c) => c.name).join(' -> ')})` : ''}`);
  } finally {
    process.chdir(previous);
  }
}

describe('layers', () => {
  it('every folder of scripts/ is a known layer or tool', () => {
    const folders = readdirSync(path.join(repoRoot, 'scripts'), { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);
    expect(folders.filter((f) => ![...config.LAYERS, 'schema-gen', 'bench', 'bin'].includes(f))).toEqual([]);
  });

  it('flags an upward import, a circle and a runtime import of the generator', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'layers-'));
    const files: Record<string, string> = {
      'scripts/core/types.ts': "import { x } from '../rules/index.ts';\nexport const t = x;\n",
      'scripts/rules/index.ts': "export const x = 1;\n",
      'scripts/parse/a.ts': "import { b } from './b.ts';\nexport const a = b;\n",
      'scripts/parse/b.ts': "import { a } from './a.ts';\nexport const b = () => a;\n",
      'scripts/schema/index.ts': "import { g } from '../schema-gen/sync.ts';\nexport const s = g;\n",
      'scripts/schema-gen/sync.ts': "export const g = 1;\n",
    };
    try {
      for (const [name, text] of Object.entries(files)) {
        mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
        writeFileSync(path.join(dir, name), text);
      }
      const found = await violations(['scripts'], dir);
      expect(found).toEqual(
        expect.arrayContaining([
          'core-imports-a-later-layer: scripts/core/types.ts -> scripts/rules/index.ts',
          expect.stringMatching(/^no-circular: scripts\/parse\/a\.ts -> scripts\/parse\/b\.ts/),
          'runtime-imports-schema-generator: scripts/schema/index.ts -> scripts/schema-gen/sync.ts',
        ]),
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('scripts/ has no circles and no upward imports', async () => {
    expect(await violations(['scripts'], repoRoot)).toEqual([]);
  }, 60_000);
});
