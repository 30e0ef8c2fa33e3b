import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import AjvDraft04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../scripts/core/paths.ts';

const bin = path.join(repoRoot, 'scripts/bin/skill-lint.js');
const run = (args: string[], cwd: string) => execa('node', [bin, ...args], { cwd, reject: false });

/** Every planted defect in test/fixtures/planted (one per rule; the description rules have their own fixtures), at its exact position. */
const PLANTED = [
  'badyaml/SKILL.md:3:1 frontmatter-syntax',
  'binary/references/blob.md:1:1 file-encoding',
  'cargo-gtm/recipes/one.md:1:1 recipe-listed',
  'cargo/SKILL.md:1:1 router-catalog',
  'defects/SKILL.md:1:1 orphan-file',
  'defects/SKILL.md:2:7 name-matches-folder',
  'defects/SKILL.md:12:5 link-target',
  'defects/SKILL.md:12:47 link-anchor',
  'defects/SKILL.md:15:8 json-block',
  'defects/SKILL.md:21:1 code-fence',
  'defects/references/passwd:1:1 symlink',
  'examples/SKILL.md:8:12 release-version',
  'examples/SKILL.md:12:45 cross-skill-link',
  'examples/SKILL.md:15:24 command-unknown',
  'examples/SKILL.md:16:52 command-unknown-flag',
  'examples/SKILL.md:17:61 command-duplicate-flag',
  'examples/SKILL.md:18:28 command-missing-required',
  'examples/SKILL.md:19:29 command-extra-argument',
  'examples/SKILL.md:20:68 command-flag-value',
  'examples/SKILL.md:21:68 command-json',
  'examples/SKILL.md:22:88 command-integration-slug',
  'examples/SKILL.md:23:105 command-trap',
  'examples/SKILL.md:24:48 action-config',
  'examples/SKILL.md:25:114 action-catalog',
  'examples/SKILL.md:26:24 example-secret',
  'examples/SKILL.md:30:29 shell-syntax',
  'examples/SKILL.md:35:15 action-price',
  'examples/SKILL.md:38:56 output-jq',
  'examples/SKILL.md:41:49 output-final-status',
  'examples/SKILL.md:45:3 output-block',
  'examples/SKILL.md:48:63 output-error-reason',
  'examples/SKILL.md:52:70 output-roundtrip',
  'long/SKILL.md:9:4 body-size',
  'schema/SKILL.md:9:1 frontmatter-schema',
  'stray/skill.md:1:1 skill-folder',
];

let work: string;
beforeAll(() => {
  work = mkdtempSync(path.join(tmpdir(), 'skill-lint-cli-'));
  cpSync(path.join(repoRoot, 'test/fixtures/planted/skills'), path.join(work, 'skills'), { recursive: true });
  symlinkSync('/etc/passwd', path.join(work, 'skills/defects/references/passwd'));
  // The fixture plants one defect per rule; the description rules have their own fixtures (test/routing).
  const off = Object.fromEntries(['description-job', 'description-triggers', 'description-skip', 'description-length', 'description-vocabulary', 'description-collision'].map((id) => [id, 'off']));
  writeFileSync(path.join(work, 'skill-lint.config.json'), JSON.stringify({ profile: 'cargo', rules: off }));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('skill-lint check on the planted fixture', () => {
  it('finds exactly the planted defects, in json', async () => {
    const result = await run(['check', 'skills', '--format', 'json'], work);
    expect(result.exitCode).toBe(1);
    const found = JSON.parse(result.stdout).map((d: { file: string; line: number; column: number; ruleId: string }) => `${d.file.replace(/^skills\//, '')}:${d.line}:${d.column} ${d.ruleId}`);
    expect(found).toEqual(PLANTED);
  });

  it('groups by file with a summary in stylish', async () => {
    const result = await run(['check', 'skills'], work);
    expect(result.stdout).toContain('skills/defects/SKILL.md');
    expect(result.stdout).toMatch(/12:5 +error +Link target `references\/missing.md` does not exist/);
    expect(result.stdout).toMatch(/✖ 32 errors, 3 warnings/);
  });

  it('writes one workflow annotation per finding in github format', async () => {
    const lines = (await run(['check', 'skills', '--format', 'github'], work)).stdout.trim().split('\n');
    expect(lines).toHaveLength(PLANTED.length);
    expect(lines).toContain('::error file=skills/defects/SKILL.md,line=12,col=5,endLine=12,endColumn=42,title=link-target::Link target `references/missing.md` does not exist');
  });

  it('writes SARIF 2.1.0 that validates against the SARIF schema', async () => {
    const sarif = JSON.parse((await run(['check', 'skills', '--format', 'sarif'], work)).stdout);
    const schema = JSON.parse(readFileSync(path.join(repoRoot, 'node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'));
    const ajv = new AjvDraft04.default({ strict: false, allErrors: true, unicodeRegExp: false });
    // The schema's `uri` fields are checked as URIs, not skipped with a warning.
    addFormats.default(ajv, ['uri', 'uri-reference', 'date-time']);
    const validate = ajv.compile(schema);
    expect(validate(sarif), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    expect(sarif.runs[0].results).toHaveLength(PLANTED.length);
    expect(sarif.runs[0].results[0].locations[0].physicalLocation.region).toMatchObject({ startLine: 3, startColumn: 1 });
  });

  it('ends stylish output with a count per rule, and shows errors alone with --quiet', async () => {
    const full = (await run(['check', 'skills'], work)).stdout;
    expect(full).toMatch(/\n  link-target +1 error\n/);
    expect(full).toMatch(/\n  orphan-file +1 warning\n/);
    const quiet = await run(['check', 'skills', '--quiet', '--format', 'json'], work);
    const severities = new Set(JSON.parse(quiet.stdout).map((d: { severity: string }) => d.severity));
    expect([...severities]).toEqual(['error']);
    expect(quiet.exitCode).toBe(1);
  });

  it('runs the spec profile when no config names one, and says so in --help', async () => {
    const bare = mkdtempSync(path.join(tmpdir(), 'skill-lint-bare-'));
    try {
      cpSync(path.join(repoRoot, 'test/fixtures/planted/skills'), path.join(bare, 'skills'), { recursive: true });
      const ids = JSON.parse((await run(['check', 'skills', '--format', 'json'], bare)).stdout).map((d: { ruleId: string }) => d.ruleId);
      expect(ids).toContain('link-target');
      expect(ids).not.toContain('router-catalog');
      expect((await run(['check', '--help'], bare)).stdout).toMatch(/else spec\)/);
    } finally {
      rmSync(bare, { recursive: true, force: true });
    }
  });

  it('honours the spec profile (house rules off)', async () => {
    const result = await run(['check', 'skills', '--format', 'json', '--profile', 'spec'], work);
    const ids = JSON.parse(result.stdout).map((d: { ruleId: string }) => d.ruleId);
    expect(ids).not.toContain('router-catalog');
    expect(ids).toContain('link-target');
  });
});

describe('exit codes', () => {
  it('0 on a clean skill', async () => {
    const result = await run(['check', 'skills/good'], work);
    expect(result.stdout).toMatch(/0 errors, 0 warnings/);
    expect(result.exitCode).toBe(0);
  });

  it('1 when warnings exceed --max-warnings', async () => {
    expect((await run(['check', 'skills/long'], work)).exitCode).toBe(0);
    expect((await run(['check', 'skills/long', '--max-warnings', '0'], work)).exitCode).toBe(1);
  });

  it('2 with a one-line message for a missing path, a bad option or a bad config, never a stack trace', async () => {
    for (const args of [['check', 'nowhere'], ['check', '--format', 'xml'], ['check', '--max-warnings', 'many'], ['check', '--threads', '0'], ['check', '--config', 'missing.json'], ['frobnicate']]) {
      const result = await run(args, work);
      expect(result.exitCode, args.join(' ')).toBe(2);
      expect(result.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it('--help works on every command', async () => {
    for (const command of [[], ['check'], ['rules'], ['extract'], ['docs'], ['coverage'], ['package'], ['release'], ['route']]) {
      const result = await run([...command, '--help'], work);
      expect(result.exitCode).toBe(0);
      expect(result.stdout).toMatch(/Usage: skill-lint/);
    }
  });
});

describe('skill-lint rules', () => {
  it('lists every rule from the metadata that runs them', async () => {
    const { allRules } = await import('../../scripts/rules/index.ts');
    const result = await run(['rules', '--format', 'json'], work);
    expect(JSON.parse(result.stdout)).toEqual(allRules.map((rule) => rule.meta));
    const text = (await run(['rules'], work)).stdout;
    for (const rule of allRules) expect(text).toContain(rule.meta.id);
  });
});

describe('the planted fixture', () => {
  it('plants a defect for every rule but the description rules', async () => {
    const { allRules } = await import('../../scripts/rules/index.ts');
    const planted = new Set(PLANTED.map((entry) => entry.split(' ')[1]));
    const expected = allRules.map((rule) => rule.meta.id).filter((id) => !id.startsWith('description-'));
    expect([...planted].sort()).toEqual(expected.sort());
  });
});

describe('--threads beyond the machine', () => {
  it('uses the cores there are, with a one-line note (1,000 threads once took 182 s and 12.8 GB)', async () => {
    const result = await run(['check', 'skills/good', '--threads', '1000'], work);
    expect(result.exitCode).toBe(0);
    expect(result.stderr).toBe(`skill-lint: --threads 1000 is more than this machine runs at once; using ${availableParallelism()}`);
    expect((await run(['check', 'skills/good', '--threads', '1'], work)).stderr).toBe('');
  });
});
