import { describe, expect, it } from 'vitest';
import type { Invocation } from '../../scripts/core/types.ts';
import { extractInvocations } from '../../scripts/extract/invocations.ts';
import { computeAnswerCoverage, computeCoverage, isGeneratedReference } from '../../scripts/commands/coverage.ts';
import { commandsOf } from '../../scripts/schema/index.ts';
import { docOf, fence } from '../extract/helpers.ts';

const invocations = (...lines: string[]): Invocation[] => extractInvocations(docOf(fence('bash', ...lines)));

describe('computeCoverage', () => {
  const byFile = new Map<string, Invocation[]>([
    ['skills/cargo-orchestration/SKILL.md', invocations('cargo-ai orchestration run get <uuid>', 'cargo-ai orchestration run list --workflow-uuid <uuid>', 'cargo-ai orchestration batch get --help')],
    ['skills/cargo-orchestration/references/commands.md', invocations('cargo-ai orchestration batch cancel <uuid>')],
    ['skills/cargo-billing/references/usage.md', invocations('cargo-ai billing subscription get', 'cargo-ai billing nope list')],
  ]);
  const report = computeCoverage(byFile, { domains: ['orchestration', 'billing'] });

  it('counts hand-written examples per domain', () => {
    const orchestration = report.find((entry) => entry.domain === 'orchestration')!;
    expect(orchestration.total).toBe(commandsOf('orchestration').length);
    expect(orchestration.shown).toBe(2);
    expect(orchestration.missing).not.toContain('orchestration run get');
    expect(orchestration.missing).toContain('orchestration run count');
    const billing = report.find((entry) => entry.domain === 'billing')!;
    expect(billing.shown).toBe(1);
    expect(billing.missing).toHaveLength(billing.total - 1);
  });

  it('ignores generated reference pages and --help calls', () => {
    const orchestration = report.find((entry) => entry.domain === 'orchestration')!;
    expect(orchestration.missing).toContain('orchestration batch cancel');
    expect(orchestration.missing).toContain('orchestration batch get');
    expect(isGeneratedReference('skills/x/references/commands.md')).toBe(true);
    expect(isGeneratedReference('skills/x/commands.md')).toBe(false);
  });

  it('reports every API domain by default', () => {
    const all = computeCoverage(new Map());
    expect(all.map((entry) => entry.domain)).toContain('workspaceManagement');
    expect(all.every((entry) => entry.shown === 0 && entry.missing.length === entry.total)).toBe(true);
  });
});

describe('computeAnswerCoverage', () => {
  /** A page of a skill folder (its skillDir decides whether it is a capability skill). */
  const page = (skill: string, text: string) => {
    const doc = docOf(text, `skills/${skill}/references/page.md`);
    doc.file.skillDir = `/virtual/skills/${skill}`;
    return doc;
  };
  const documents = new Map([
    [
      'skills/cargo-orchestration/references/page.md',
      page(
        'cargo-orchestration',
        [
          `<!-- response: orchestration batch get -->\n${fence('json', '{ "batch": { "status": "success" } }')}`,
          `<!-- response: orchestration run get -->\n${fence('json', '{ "status": "success" }')}`,
          fence('bash', 'cargo-ai orchestration batch list --workflow-uuid <uuid>', 'cargo-ai orchestration play get <uuid> > play.json', 'jq -r .play.workflowUuid play.json'),
        ].join('\n\n'),
      ),
    ],
    ['skills/cargo-gtm/SKILL.md', page('cargo-gtm', fence('bash', 'cargo-ai orchestration tool list', 'cargo-ai orchestration trace list | jq .count'))],
  ]);
  const report = computeAnswerCoverage(documents, { domains: ['orchestration'] });

  it('counts a command as documented when a block it names fits its answer', () => {
    const orchestration = report.domains[0];
    expect(orchestration.missing).not.toContain('orchestration batch get');
    // The run get block leaves out the `run` wrapper: it documents nothing.
    expect(orchestration.missing).toContain('orchestration run get');
    expect(orchestration.documented).toBe(1);
    expect(orchestration.total).toBe(orchestration.missing.length + 1);
  });

  it('asks for answers of commands read with jq and of get/list shown in capability skills', () => {
    expect(report.targets).toEqual([
      { command: 'orchestration play get', why: 'read with jq' },
      { command: 'orchestration trace list', why: 'read with jq' },
      { command: 'orchestration batch list', why: 'get/list in a capability skill' },
    ]);
  });
});
