// Every `cargo-ai` command in the seed documents is valid against the schema, except the ones listed here
// (scrape artefacts) or in schemas/cli-overrides.jsonc `seedConflicts` (seeds that contradict the API types).
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../scripts/core/paths.ts';
import { extractInvocations } from '../../scripts/extract/invocations.ts';
import { checkInvocation } from '../../scripts/schema/check.ts';
import { OVERRIDES_FILE } from '../../scripts/schema-gen/sync.ts';
import { loadOverrides } from '../../scripts/schema-gen/overrides.ts';
import { docOf } from '../extract/helpers.ts';
import { seedCommands } from './seed-commands.ts';

const SEEDS = path.join(repoRoot, '..', 'shared', 'seeds');
const GLUED = 'scrape artefact: the page text of the following lines is glued onto the command';

/** Seed lines that are not commands as written; the rules must still reject them. */
const ARTEFACTS: Record<string, { reason: string; rules: string[] }> = {
  '002_765f04ccd3830135.txt:18': { reason: GLUED, rules: ['command-extra-argument'] },
  '002_765f04ccd3830135.txt:50': { reason: GLUED, rules: ['command-unknown-flag', 'command-extra-argument'] },
  '002_765f04ccd3830135.txt:58': { reason: GLUED, rules: ['command-unknown-flag', 'command-extra-argument', 'command-duplicate-flag'] },
  '002_765f04ccd3830135.txt:71': { reason: GLUED, rules: ['command-unknown-flag', 'command-extra-argument'] },
  '002_765f04ccd3830135.txt:93': { reason: GLUED, rules: ['command-extra-argument'] },
  '002_765f04ccd3830135.txt:95': { reason: `${GLUED}; the quotes no longer pair up, so the shell reads no command`, rules: [] },
  '002_765f04ccd3830135.txt:102': { reason: GLUED, rules: ['command-extra-argument'] },
};

describe.skipIf(!existsSync(SEEDS))('seed commands', () => {
  // vitest collects a skipped suite's tests too: without the seeds (a CI checkout), nothing to read.
  const commands = existsSync(SEEDS) ? seedCommands(SEEDS) : [];
  const conflicts = new Map(loadOverrides(path.join(repoRoot, OVERRIDES_FILE)).seedConflicts.map((c) => [c.source.replace(/^seeds\//, ''), c]));

  it('finds the commands of every seed document', () => {
    expect(commands.length).toBeGreaterThan(100);
    expect(new Set(commands.map((command) => command.where.split(':')[0])).size).toBe(5);
  });

  for (const command of commands) {
    const expected = ARTEFACTS[command.where] ?? conflicts.get(command.where);
    const reason = ARTEFACTS[command.where]?.reason ?? conflicts.get(command.where)?.decision;
    it(`${command.where} ${expected ? `fails as recorded (${reason})` : 'is valid'}: ${command.text.slice(0, 90)}`, () => {
      const invocations = extractInvocations(docOf(`\`\`\`bash\n${command.text}\n\`\`\`\n`));
      const findings = invocations.flatMap((invocation) => checkInvocation(invocation).map((finding) => `${finding.ruleId}: ${finding.message}`));
      if (!expected) {
        expect(invocations).toHaveLength(1);
        expect(findings).toEqual([]);
        return;
      }
      const rules = [...new Set(findings.map((finding) => finding.split(':')[0]))].sort();
      expect(rules).toEqual([...expected.rules].sort());
      if (expected.rules.length === 0) expect(invocations).toHaveLength(0);
    });
  }

  it('every recorded exception still matches a seed command', () => {
    const where = new Set(commands.map((command) => command.where));
    expect([...Object.keys(ARTEFACTS), ...conflicts.keys()].filter((key) => !where.has(key))).toEqual([]);
  });
});
