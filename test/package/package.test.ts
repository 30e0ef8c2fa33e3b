// packageSkills: lint first, ship only SKILL.md and what it links to, byte-identical output every time.
import { createHash } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, readlinkSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CATALOG_FORMAT, DISCOVERY_SCHEMA, packageSkills } from '../../scripts/commands/package/package.ts';
import { FIXED_MTIME } from '../../scripts/commands/package/tar.ts';
import { repoRoot, schemaPath } from '../../scripts/core/paths.ts';
import { execa } from 'execa';
import { brief, copyFixture, listFiles, readArchive } from './helpers.ts';

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function fixture() {
  const copy = copyFixture();
  made.push(copy.dir);
  return copy;
}

function hashes(dir: string): Record<string, string> {
  return Object.fromEntries(listFiles(dir).map((file) => [file, createHash('sha256').update(readFileSync(path.join(dir, file))).digest('hex')]));
}

describe('packageSkills', () => {
  it('writes the index, one archive per skill, the shipped files and a catalog', async () => {
    const { dir, skills } = fixture();
    const result = await packageSkills({ root: skills, out: path.join(dir, 'dist'), cwd: dir });
    expect(brief(result.diagnostics)).toEqual([]);
    expect(result.ok).toBe(true);
    const dist = path.join(dir, 'dist');
    expect(listFiles(dist)).toEqual([
      '.well-known/agent-skills/cargo-alpha.tar.gz',
      '.well-known/agent-skills/cargo.tar.gz',
      '.well-known/agent-skills/index.json',
      'catalog.json',
      'skills/cargo-alpha/SKILL.md',
      'skills/cargo-alpha/references/deep/more.md',
      'skills/cargo-alpha/references/guide.md',
      'skills/cargo-alpha/scripts/helper.sh',
      'skills/cargo/SKILL.md',
      'skills/cargo/references/basics.md',
    ]);

    const index = JSON.parse(readFileSync(path.join(dist, '.well-known/agent-skills/index.json'), 'utf8'));
    expect(Object.keys(index)).toEqual(['$schema', 'skills']);
    expect(index.$schema).toBe(DISCOVERY_SCHEMA);
    expect(index.skills.map((s: { name: string }) => s.name)).toEqual(['cargo', 'cargo-alpha']);
    for (const entry of index.skills) {
      expect(Object.keys(entry)).toEqual(['name', 'description', 'type', 'url', 'digest']);
      expect(entry.type).toBe('archive');
      expect(entry.url).toBe(`${entry.name}.tar.gz`);
      const archive = readFileSync(path.join(dist, '.well-known/agent-skills', entry.url));
      expect(entry.digest).toBe(`sha256:${createHash('sha256').update(archive).digest('hex')}`);
      expect(entry.description).toBe(result.skills.find((s) => s.name === entry.name)!.description);
    }

    const catalog = JSON.parse(readFileSync(path.join(dist, 'catalog.json'), 'utf8'));
    const cliSchema = JSON.parse(readFileSync(schemaPath('cli-schema.json'), 'utf8'));
    expect(catalog.format).toBe(CATALOG_FORMAT);
    expect(catalog.version).toBe('1.2.0');
    expect(catalog.cargoApi).toBe(cliSchema.source['@cargo-ai/api']);
    const alpha = catalog.skills.find((s: { name: string }) => s.name === 'cargo-alpha');
    expect(alpha.version).toBe('1.1.0');
    for (const file of alpha.files) {
      const bytes = readFileSync(path.join(skills, 'cargo-alpha', file.path));
      expect(file.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
      expect(file.size).toBe(bytes.length);
    }
  });

  it('archives hold the skill files at their root, sorted, owned by 0:0, with a fixed time and no names', async () => {
    const { dir, skills } = fixture();
    const result = await packageSkills({ root: skills, out: path.join(dir, 'dist'), cwd: dir });
    expect(result.ok).toBe(true);
    const archive = path.join(dir, 'dist/.well-known/agent-skills/cargo-alpha.tar.gz');
    const gz = readFileSync(archive);
    // gzip header: magic, deflate, no flags, mtime 0, XFL 2 (level 9), OS 255 (unknown).
    expect([...gz.subarray(0, 10)]).toEqual([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 2, 0xff]);
    const entries = await readArchive(archive);
    expect(entries.map((e) => e.name)).toEqual(['SKILL.md', 'references/deep/more.md', 'references/guide.md', 'scripts/helper.sh']);
    for (const entry of entries) {
      expect(entry).toMatchObject({ type: 'file', uid: 0, gid: 0, uname: '', gname: '', mtime: FIXED_MTIME });
      expect(entry.data.equals(readFileSync(path.join(skills, 'cargo-alpha', entry.name)))).toBe(true);
    }
    expect(entries.find((e) => e.name === 'scripts/helper.sh')!.mode).toBe(0o755);
    expect(entries.find((e) => e.name === 'SKILL.md')!.mode).toBe(0o644);
  });

  it('gives byte-identical output twice in a row, whatever the file times and the checkout folder', async () => {
    const first = fixture();
    const second = fixture();
    const a = await packageSkills({ root: first.skills, out: path.join(first.dir, 'dist'), cwd: first.dir });
    utimesSync(path.join(second.skills, 'cargo/SKILL.md'), new Date('2031-05-05'), new Date('2031-05-05'));
    const b = await packageSkills({ root: second.skills, out: path.join(second.dir, 'out/dist'), cwd: second.dir });
    expect(a.ok && b.ok).toBe(true);
    const before = hashes(path.join(first.dir, 'dist'));
    expect(hashes(path.join(second.dir, 'out/dist'))).toEqual(before);
    // Again into the same folder: the previous package is replaced by identical bytes.
    const c = await packageSkills({ root: first.skills, out: path.join(first.dir, 'dist'), cwd: first.dir });
    expect(c.ok).toBe(true);
    expect(hashes(path.join(first.dir, 'dist'))).toEqual(before);
    expect(readdirSync(first.dir).sort()).toEqual(['.dist.versions', 'dist', 'skills']);
  });

  it('ships no dotfiles, editor leftovers, test fixtures or unlinked files', async () => {
    const { dir, skills } = fixture();
    const alpha = path.join(skills, 'cargo-alpha');
    const junk = ['.DS_Store', '.env', 'references/.guide.md.swp', 'references/guide.md~', 'references/#guide.md#', 'notes.bak', 'references/unlinked.md', 'tests/sample.json', 'fixtures/input.md', '.github/notes.md'];
    for (const file of junk) {
      mkdirSync(path.dirname(path.join(alpha, file)), { recursive: true });
      writeFileSync(path.join(alpha, file), '# junk\n');
    }
    const result = await packageSkills({ root: skills, out: path.join(dir, 'dist'), cwd: dir });
    expect(brief(result.diagnostics.filter((d) => d.severity === 'error'))).toEqual([]);
    expect(result.ok).toBe(true);
    expect(listFiles(path.join(dir, 'dist/skills/cargo-alpha'))).toEqual(['SKILL.md', 'references/deep/more.md', 'references/guide.md', 'scripts/helper.sh']);
    const names = (await readArchive(path.join(dir, 'dist/.well-known/agent-skills/cargo-alpha.tar.gz'))).map((e) => e.name);
    expect(names).toEqual(['SKILL.md', 'references/deep/more.md', 'references/guide.md', 'scripts/helper.sh']);
    // The unlinked page is still reported (as a warning) by the linter.
    expect(result.diagnostics.some((d) => d.ruleId === 'orphan-file' && d.message.includes('`references/unlinked.md`'))).toBe(true);
  });

  it('refuses a link to a file that never ships, pointing at the link', async () => {
    const { dir, skills } = fixture();
    mkdirSync(path.join(skills, 'cargo-alpha/tests'));
    writeFileSync(path.join(skills, 'cargo-alpha/tests/case.md'), '# case\n');
    writeFileSync(path.join(skills, 'cargo-alpha/references/deep/more.md'), '# More\n\nSee [a case](../../tests/case.md).\n');
    const result = await packageSkills({ root: skills, out: path.join(dir, 'dist'), cwd: dir });
    expect(result.ok).toBe(false);
    expect(brief(result.diagnostics.filter((d) => d.severity === 'error'))).toEqual([
      'skills/cargo-alpha/references/deep/more.md:3:5 error package `../../tests/case.md` links to a test file or fixture (`tests/case.md`), which never ships',
    ]);
    expect(existsSync(path.join(dir, 'dist'))).toBe(false);
  });

  it('refuses a link to a file outside every skill folder', async () => {
    const { dir, skills } = fixture();
    writeFileSync(path.join(skills, 'shared.md'), '# Shared\n');
    writeFileSync(path.join(skills, 'cargo/references/basics.md'), '# Basics\n\nAlso [shared notes](../../shared.md).\n');
    const result = await packageSkills({ root: skills, out: path.join(dir, 'dist'), cwd: dir });
    expect(result.ok).toBe(false);
    expect(brief(result.diagnostics.filter((d) => d.ruleId === 'package'))).toEqual([
      'skills/cargo/references/basics.md:3:6 error package `../../shared.md` points outside the skill folder and would not be installed with cargo',
    ]);
  });

  it('a lint error stops the build: no output, no temporary folder, a previous package left as it was', async () => {
    const { dir, skills } = fixture();
    const good = await packageSkills({ root: skills, out: path.join(dir, 'dist'), cwd: dir });
    expect(good.ok).toBe(true);
    const before = hashes(path.join(dir, 'dist'));
    writeFileSync(path.join(skills, 'cargo-alpha/references/guide.md'), '# Guide\n\n## Steps\n\nSee [gone](missing.md).\n');
    const bad = await packageSkills({ root: skills, out: path.join(dir, 'dist'), cwd: dir });
    expect(bad.ok).toBe(false);
    expect(brief(bad.diagnostics.filter((d) => d.severity === 'error'))).toEqual(['skills/cargo-alpha/references/guide.md:5:5 error link-target Link target `missing.md` does not exist']);
    expect(hashes(path.join(dir, 'dist'))).toEqual(before);
    expect(readdirSync(dir).sort()).toEqual(['.dist.versions', 'dist', 'skills']);
    expect(readdirSync(path.join(dir, '.dist.versions'))).toEqual([path.basename(readlinkSync(path.join(dir, 'dist')))]);

    const fresh = await packageSkills({ root: skills, out: path.join(dir, 'fresh'), cwd: dir });
    expect(fresh.ok).toBe(false);
    expect(readdirSync(dir).sort()).toEqual(['.dist.versions', 'dist', 'skills']);
  });

  it('refuses symbolic links: through the lint rule, and by itself when that rule is off', async () => {
    const { dir, skills } = fixture();
    symlinkSync('guide.md', path.join(skills, 'cargo-alpha/references/alias.md'));
    writeFileSync(path.join(skills, 'cargo-alpha/references/deep/more.md'), '# More\n\nBack to [the guide](../alias.md#steps).\n');
    const linted = await packageSkills({ root: skills, out: path.join(dir, 'dist'), cwd: dir });
    expect(linted.ok).toBe(false);
    expect(linted.diagnostics.map((d) => d.ruleId)).toContain('symlink');
    expect(existsSync(path.join(dir, 'dist'))).toBe(false);

    writeFileSync(path.join(dir, 'skill-lint.config.json'), JSON.stringify({ rules: { symlink: 'off' } }));
    const own = await packageSkills({ root: skills, out: path.join(dir, 'dist'), cwd: dir });
    expect(own.ok).toBe(false);
    expect(brief(own.diagnostics.filter((d) => d.severity === 'error'))).toEqual([
      'skills/cargo-alpha/references/alias.md:1:1 error package `skills/cargo-alpha/references/alias.md` is a symbolic link; packages hold real files only',
    ]);
    expect(existsSync(path.join(dir, 'dist'))).toBe(false);
  });

  it('refuses an output folder that is not a previous package, or that overlaps the skills', async () => {
    const { dir, skills } = fixture();
    mkdirSync(path.join(dir, 'precious'));
    writeFileSync(path.join(dir, 'precious/keep.txt'), 'keep');
    const occupied = await packageSkills({ root: skills, out: path.join(dir, 'precious'), cwd: dir });
    expect(occupied.ok).toBe(false);
    expect(occupied.diagnostics[0].message).toMatch(/not empty and holds no previous package/);
    expect(readFileSync(path.join(dir, 'precious/keep.txt'), 'utf8')).toBe('keep');

    const inside = await packageSkills({ root: skills, out: path.join(skills, 'dist'), cwd: dir });
    expect(inside.ok).toBe(false);
    expect(inside.diagnostics[0].message).toMatch(/overlaps the skills root/);
    const around = await packageSkills({ root: skills, out: dir, cwd: dir });
    expect(around.ok).toBe(false);
    expect(readFileSync(path.join(dir, 'precious/keep.txt'), 'utf8')).toBe('keep');
  });

  it('refuses a symbolic link it did not make as the output, and says in one line when it cannot write', async () => {
    const { dir, skills } = fixture();
    mkdirSync(path.join(dir, 'elsewhere'));
    symlinkSync('elsewhere', path.join(dir, 'dist'));
    const foreign = await packageSkills({ root: skills, out: path.join(dir, 'dist'), cwd: dir });
    expect(foreign.ok).toBe(false);
    expect(foreign.diagnostics[0].message).toMatch(/`dist` is a symbolic link that package did not make; refusing to replace it/);

    writeFileSync(path.join(dir, 'file'), 'not a folder');
    const cli = await execa('node', [path.join(repoRoot, 'scripts/bin/skill-lint.js'), 'package', '--skills-root', 'skills', '--out', 'file/dist'], { cwd: dir, reject: false });
    expect(cli.exitCode).toBe(2);
    expect(cli.stderr).toMatch(/^skill-lint: cannot write the package at .*file\/dist: .*file\S* is in the way \(a file where a folder should be\)$/);
  });

  it('refuses names and descriptions the skills client would drop from the index', async () => {
    const { dir, skills } = fixture();
    const skillMd = path.join(skills, 'cargo-alpha/SKILL.md');
    const long = 'x'.repeat(1100);
    writeFileSync(skillMd, readFileSync(skillMd, 'utf8').replace(/^description: .*$/m, `description: ${long}`));
    writeFileSync(path.join(dir, 'skill-lint.config.json'), JSON.stringify({ profile: 'spec', rules: { 'frontmatter-schema': 'off' } }));
    const result = await packageSkills({ root: skills, out: path.join(dir, 'dist'), cwd: dir });
    expect(result.ok).toBe(false);
    expect(brief(result.diagnostics.filter((d) => d.ruleId === 'package'))).toEqual([
      'skills/cargo-alpha/SKILL.md:3:1 error package the description must be 1 to 1024 characters for the discovery index (it is 1100)',
    ]);
  });

  it('keeps the executable bit of shipped scripts and drops it elsewhere', async () => {
    const { dir, skills } = fixture();
    chmodSync(path.join(skills, 'cargo-alpha/scripts/helper.sh'), 0o700);
    chmodSync(path.join(skills, 'cargo/SKILL.md'), 0o600);
    const result = await packageSkills({ root: skills, out: path.join(dir, 'dist'), cwd: dir });
    expect(result.ok).toBe(true);
    const alpha = await readArchive(path.join(dir, 'dist/.well-known/agent-skills/cargo-alpha.tar.gz'));
    const router = await readArchive(path.join(dir, 'dist/.well-known/agent-skills/cargo.tar.gz'));
    expect(alpha.find((e) => e.name === 'scripts/helper.sh')!.mode).toBe(0o755);
    expect(router.find((e) => e.name === 'SKILL.md')!.mode).toBe(0o644);
  });
});
