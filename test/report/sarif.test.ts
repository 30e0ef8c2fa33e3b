// SARIF and workflow annotations as GitHub code scanning reads them: valid against the SARIF 2.1.0 schema
// with odd file names, files named from the repository root whatever the working folder, stable fingerprints.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import AjvDraft04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../scripts/core/paths.ts';
import { lintParallel } from '../../scripts/engine/lint.ts';
import { formatDiagnostics } from '../../scripts/report/index.ts';
import { uriReference } from '../../scripts/report/location.ts';
import { allRules } from '../../scripts/rules/index.ts';
import { skillMd, writeTree } from '../rule-tester.ts';

const schema = JSON.parse(readFileSync(path.join(repoRoot, 'node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'));
const ajv = new AjvDraft04.default({ strict: false, allErrors: true, unicodeRegExp: false });
addFormats.default(ajv, ['uri', 'uri-reference', 'date-time']);
const validate = ajv.compile(schema);

const ODD = 'odd, name: 100% ü é';

interface SarifResult {
  ruleId: string;
  locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId: string }; region: { startLine: number } } }[];
  partialFingerprints: Record<string, string>;
}

/** A repository (a `.git` folder) holding skills/, one skill with a broken link and, optionally, an oddly named page. */
function repository(odd: boolean, above = ''): string {
  const root = writeTree({
    'skills/plain/SKILL.md': skillMd('plain', `# Plain\n\n${above}See [x](missing.md).\n${odd ? `\n[odd](references/${encodeURI(`${ODD}.md`)})\n` : ''}`),
    ...(odd ? { [`skills/plain/references/${ODD}.md`]: '# Odd\n\n[gone](gone.md)\n' } : {}),
  });
  mkdirSync(path.join(root, '.git'));
  return root;
}

async function sarifOf(cwd: string, input: string) {
  const { diagnostics, repositoryRoot } = await lintParallel({ rules: allRules, paths: [input], cwd, profile: 'spec' });
  return JSON.parse(formatDiagnostics('sarif', diagnostics, allRules, { paths: { cwd, root: repositoryRoot } }));
}

/** The link findings the fixtures plant (the description rules also speak about the made-up descriptions). */
const locations = (sarif: { runs: { results: SarifResult[] }[] }) =>
  sarif.runs[0].results.filter((r) => r.ruleId === 'link-target').map((r) => `${r.locations[0].physicalLocation.artifactLocation.uri}:${r.locations[0].physicalLocation.region.startLine} ${r.ruleId}`);

describe('SARIF output', () => {
  it.each([false, true])('validates against the SARIF 2.1.0 schema (odd file names: %s)', async (odd) => {
    const root = repository(odd);
    const sarif = await sarifOf(root, 'skills');
    expect(validate(sarif), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    const expected = ['skills/plain/SKILL.md:12 link-target'];
    if (odd) expected.push('skills/plain/references/odd%2C%20name%3A%20100%25%20%C3%BC%20%C3%A9.md:3 link-target');
    expect(locations(sarif)).toEqual(expected);
    for (const result of sarif.runs[0].results as SarifResult[]) expect(result.locations[0].physicalLocation.artifactLocation.uriBaseId).toBe('%SRCROOT%');
    expect(sarif.runs[0].originalUriBaseIds['%SRCROOT%'].uri).toBe(`file://${encodeURI(root)}/`);
  });

  it('names files from the repository root whatever the working folder and however the path is given', async () => {
    const root = repository(true);
    const expected = locations(await sarifOf(root, 'skills'));
    expect(locations(await sarifOf(path.join(root, 'skills'), '.'))).toEqual(expected);
    expect(locations(await sarifOf(path.join(root, 'skills'), path.join(root, 'skills')))).toEqual(expected);
    expect(locations(await sarifOf('/', path.join(root, 'skills/plain')))).toEqual(expected);
  });

  it('without git, names files from the config file’s folder', async () => {
    const root = writeTree({ 'project/skills/plain/SKILL.md': skillMd('plain', '# Plain\n\n[x](missing.md)\n'), 'project/skill-lint.config.json': '{}' });
    const project = path.join(root, 'project');
    const { diagnostics, repositoryRoot } = await lintParallel({ rules: allRules, paths: ['skills'], cwd: project, configPath: 'skill-lint.config.json', profile: 'spec' });
    expect(repositoryRoot).toBe(project);
    expect(locations(JSON.parse(formatDiagnostics('sarif', diagnostics, allRules, { paths: { cwd: project, root: repositoryRoot } })))).toEqual(['skills/plain/SKILL.md:12 link-target']);
  });

  it('keeps partialFingerprints when lines are added above a finding', async () => {
    const links = async (above: string) => ((await sarifOf(repository(true, above), 'skills')).runs[0].results as SarifResult[]).filter((r) => r.ruleId === 'link-target');
    const before = await links('');
    const after = await links('One.\n\nTwo.\n\n');
    expect(after[0].locations[0].physicalLocation.region.startLine).toBe(before[0].locations[0].physicalLocation.region.startLine + 4);
    expect(after.map((r) => r.partialFingerprints)).toEqual(before.map((r) => r.partialFingerprints));
    expect(new Set(before.map((r) => r.partialFingerprints['skillLint/v1'])).size).toBe(before.length);
  });

  it('describes each rule: version, full description, help and a link to its row in the README table', async () => {
    const sarif = await sarifOf(repository(false), 'skills');
    const { driver } = sarif.runs[0].tool;
    expect(driver.version).toBe(JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')).version);
    const readme = readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
    for (const rule of driver.rules) {
      expect(rule.fullDescription.text.length).toBeGreaterThanOrEqual(rule.shortDescription.text.length);
      expect(rule.help.text).toContain(rule.shortDescription.text);
      expect(rule.helpUri.startsWith(`${JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')).homepage}/blob/main/README.md#`)).toBe(true);
      const anchor = new URL(rule.helpUri).hash.slice(1);
      expect(readme).toContain(`<a id="${anchor}"></a>\`${rule.id}\``);
    }
    expect(driver.rules.find((r: { id: string }) => r.id === 'body-size').fullDescription.text).toContain('maxLines (default 500)');
  });

  it('percent-encodes what a URI reference cannot hold', () => {
    expect(uriReference('a b/c,d:e%f/ü(1)!.md')).toBe('a%20b/c%2Cd%3Ae%25f/%C3%BC%281%29%21.md');
  });
});

describe('the command, run from inside skills/', () => {
  it('writes sarif and github annotations with paths from the repository root', async () => {
    const root = repository(false);
    writeFileSync(path.join(root, 'skill-lint.config.json'), '{}');
    const bin = path.join(repoRoot, 'scripts/bin/skill-lint.js');
    const cwd = path.join(root, 'skills');
    const sarif = JSON.parse((await execa('node', [bin, 'check', path.join(root, 'skills'), '--format', 'sarif', '--profile', 'spec'], { cwd, reject: false })).stdout);
    expect(locations(sarif)).toEqual(['skills/plain/SKILL.md:12 link-target']);
    const github = (await execa('node', [bin, 'check', '.', '--format', 'github', '--profile', 'spec'], { cwd, reject: false })).stdout;
    expect(github.split('\n').filter((line) => line.includes('title=link-target'))).toEqual([
      '::error file=skills/plain/SKILL.md,line=12,col=5,endLine=12,endColumn=20,title=link-target::Link target `missing.md` does not exist',
    ]);
  });
});
