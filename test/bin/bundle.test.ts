import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error plain JavaScript module (it runs before any TypeScript loader), without declarations
import { buildBundle, freshBundle } from '../../scripts/bin/bundle.js';
// @ts-expect-error plain JavaScript module, as above
import { CODE_CACHE_SUFFIX, V8_FLAGS } from '../../scripts/bin/cached-script.js';
import { writeCorpus } from '../../scripts/bench/corpus.ts';
import { repoRoot } from '../../scripts/core/paths.ts';

const work = mkdtempSync(path.join(tmpdir(), 'skill-lint-bundle-'));
const bundleDir = path.join(work, 'bundle');
const corpus = path.join(work, 'corpus');
afterAll(() => rmSync(work, { recursive: true, force: true }));

// Says on stderr whether V8 refused the code cache: the bin itself is silent about it.
const runner = path.join(work, 'run-main.mjs');
writeFileSync(
  runner,
  [
    `import path from 'node:path';`,
    `import { runCommonJs, scriptsRun } from ${JSON.stringify(pathToFileURL(path.join(repoRoot, 'scripts/bin/cached-script.js')).href)};`,
    'const [entry, ...args] = process.argv.slice(2);',
    "const loaded = entry.endsWith('.cjs') ? runCommonJs(entry) : { exports: await import(entry) };",
    "if (entry.endsWith('.cjs')) process.stderr.write(`cache refused: ${loaded.cacheRejected}`);",
    'process.exitCode = await loaded.exports.main([\'node\', \'skill-lint\', ...args]);',
    // The companion files the bundle loaded on the way, each with whether V8 took its cache.
    "for (const [file, script] of scriptsRun) if (file !== path.resolve(entry)) process.stderr.write(`\\nloaded ${path.basename(file)}, cache refused: ${script.cachedDataRejected}`);",
  ].join('\n'),
);

/** Runs `main` from the given module (bundle or sources) on `args`, the way the bin does. */
function runMain(entry: string, args: string[], loader: string[] = []) {
  return execa('node', [...loader, runner, entry, ...args], { cwd: repoRoot, reject: false });
}

function manifestPath(): string {
  return path.join(bundleDir, 'manifest.json');
}

describe('the prebuilt bundle', () => {
  beforeAll(async () => {
    await buildBundle(bundleDir);
    // Linted with `--threads 2`, so the bundled worker runs too; one planted defect of each kind (the
    // JSON one goes through the validators generated ahead of time).
    writeCorpus(corpus, 60);
    writeFileSync(path.join(corpus, 'skill-00001/references/page-0.md'), '# Broken\n\n[x](missing.md)\n\n```bash\ncargo-ai orchestration rn list\ncargo-ai segmentation segment fetch --model-uuid <uuid> --filter \'{"conjunction":"and","groups":[{"x":1}]}\'\n```\n');
  }, 60_000);

  it('gives the same output and exit code as the TypeScript sources, on worker threads too', async () => {
    const args = ['check', corpus, '--format', 'json', '--profile', 'cargo', '--threads', '2'];
    const bundled = await runMain(freshBundle(bundleDir), args);
    const sources = await runMain(path.join(repoRoot, 'scripts/commands/cli.ts'), args, ['--import', 'tsx']);
    // The one JSON flag brought its validator in alone, through its own cache.
    expect(bundled.stderr).toMatch(/^cache refused: false\nloaded flag-validator-[\w-]+\.cjs, cache refused: false$/);
    expect(bundled.exitCode).toBe(1);
    expect(bundled.exitCode).toBe(sources.exitCode);
    const findings = JSON.parse(bundled.stdout) as { ruleId: string }[];
    expect(findings.map((finding) => finding.ruleId)).toEqual(expect.arrayContaining(['link-target', 'command-unknown', 'command-json']));
    expect(bundled.stdout).toBe(sources.stdout);
  }, 120_000);

  it('reads the repository data (schemas, catalogs) from its own folder elsewhere', async () => {
    const result = await runMain(freshBundle(bundleDir), ['coverage']);
    expect(result.stderr).toBe('cache refused: false');
    expect(result.stdout).toMatch(/orchestration/);
  }, 60_000);

  it('reads the command schema from compact copies beside it, and from schemas/ when they are gone', async () => {
    for (const name of ['cli-schema.json', 'cli-json-definitions.json']) {
      const copy = readFileSync(path.join(bundleDir, name), 'utf8');
      expect(copy).not.toContain('\n');
      expect(JSON.parse(copy)).toEqual(JSON.parse(readFileSync(path.join(repoRoot, 'schemas', name), 'utf8')));
    }
    const page = path.join(work, 'schema-page', 'schema-skill');
    mkdirSync(page, { recursive: true });
    writeFileSync(path.join(page, 'SKILL.md'), '---\nname: schema-skill\ndescription: Use when a schema skill is needed.\n---\n# Schema\n\n```bash\ncargo-ai orchestration workflow list\n```\n');
    const args = ['check', page, '--format', 'json', '--profile', 'cargo'];
    const unknown = async () => (JSON.parse((await runMain(freshBundle(bundleDir), args)).stdout) as { ruleId: string }[]).filter((finding) => finding.ruleId === 'command-unknown');
    expect(await unknown()).toEqual([]);
    // A copy without that command: the run now reads it as unknown, so the copy is what it reads.
    const copyPath = path.join(bundleDir, 'cli-schema.json');
    const original = readFileSync(copyPath, 'utf8');
    const schema = JSON.parse(original) as { commands: { path: string[] }[] };
    schema.commands = schema.commands.filter((command) => command.path.join(' ') !== 'orchestration workflow list');
    try {
      writeFileSync(copyPath, JSON.stringify(schema));
      expect(await unknown()).toHaveLength(1);
      rmSync(copyPath);
      expect(await unknown()).toEqual([]);
    } finally {
      writeFileSync(copyPath, original);
    }
  }, 60_000);

  it('loads node:crypto (six milliseconds) only in a run that hashes: SARIF fingerprints here', async () => {
    const hook = path.join(work, 'crypto-hook.cjs');
    writeFileSync(hook, "process.on('exit', () => process.stderr.write(`\\ncrypto: ${process.moduleLoadList.some((name) => /\\bcrypto\\b/.test(name))}`));\n");
    const crypto = async (format: string) => (await runMain(freshBundle(bundleDir), ['check', corpus, '--format', format], ['--require', hook])).stderr.split('\n').pop();
    expect(await crypto('json')).toBe('crypto: false');
    expect(await crypto('sarif')).toBe('crypto: true');
  }, 60_000);

  it('leaves the flag validators unread when no example gives a JSON flag', async () => {
    const skill = path.join(work, 'plain', 'plain-skill');
    mkdirSync(skill, { recursive: true });
    writeFileSync(path.join(skill, 'SKILL.md'), '---\nname: plain-skill\ndescription: Use when a plain skill is needed.\n---\n# Plain\n\n```bash\ncargo-ai orchestration workflow list\n```\n');
    const result = await runMain(freshBundle(bundleDir), ['check', skill, '--format', 'json', '--profile', 'spec']);
    expect(result.stderr).toBe('cache refused: false');
    expect(JSON.parse(result.stdout)).toEqual([]);
  }, 60_000);

  it('loads the first two flag validators a run needs from their own files, and the rest from the file of all', async () => {
    const skill = path.join(work, 'flags', 'flag-skill');
    mkdirSync(skill, { recursive: true });
    const page = (flags: string[]) =>
      `---\nname: flag-skill\ndescription: Use when flags are needed.\n---\n# Flags\n\n\`\`\`bash\n${flags.map((flag) => `cargo-ai ${flag}\n`).join('')}\`\`\`\n`;
    const loaded = async (flags: string[]) => {
      writeFileSync(path.join(skill, 'SKILL.md'), page(flags));
      const result = await runMain(freshBundle(bundleDir), ['check', skill, '--format', 'json', '--profile', 'cargo']);
      return result.stderr.split('\n').filter((line) => line.startsWith('loaded ')).map((line) => line.replace(/flag-validator-[\w-]+/, 'flag-validator-*'));
    };
    const filter = 'segmentation segment fetch --model-uuid <uuid> --filter \'{"conjonction":"and","groups":[]}\'';
    expect(await loaded([filter])).toEqual(['loaded flag-validator-*.cjs, cache refused: false']);
    const three = [filter, "orchestration action execute --data '{}'", "connection connector update --uuid <uuid> --config '{}'"];
    expect(await loaded(three)).toEqual(['loaded flag-validator-*.cjs, cache refused: false', 'loaded flag-validator-*.cjs, cache refused: false', 'loaded flag-validators.cjs, cache refused: false']);
  }, 60_000);

  it('runs the same without its code cache, or with one V8 refuses', async () => {
    const cli = freshBundle(bundleDir);
    const cache = `${cli}${CODE_CACHE_SUFFIX}`;
    const args = ['check', 'skills', '--format', 'json'];
    const cached = await runMain(cli, args);
    const saved = readFileSync(cache);
    try {
      writeFileSync(cache, saved.subarray(0, saved.length / 2));
      const damaged = await runMain(cli, args);
      expect(damaged.stderr.split('\n')[0]).toBe('cache refused: true');
      expect(damaged.stdout).toBe(cached.stdout);
      rmSync(cache);
      const without = await runMain(cli, args);
      expect(without.stderr.split('\n')[0]).toBe('cache refused: undefined');
      expect(without.stdout).toBe(cached.stdout);
    } finally {
      writeFileSync(cache, saved);
    }
    expect(JSON.parse(cached.stdout)).toEqual([]);
  }, 60_000);

  it('makes and reads its code cache under its own V8 flags: a compile without them refuses the cache', async () => {
    const cli = freshBundle(bundleDir);
    const probe = async (flags: string) =>
      (
        await execa('node', [
          '--input-type=module',
          '-e',
          [
            "import { readFileSync } from 'node:fs';",
            "import v8 from 'node:v8';",
            "import vm from 'node:vm';",
            `v8.setFlagsFromString(${JSON.stringify(flags)});`,
            `const text = readFileSync(${JSON.stringify(cli)}, 'latin1');`,
            `const script = new vm.Script(\`(function (exports, require, module, __filename, __dirname) {\${text}\\n})\`, { filename: ${JSON.stringify(cli)}, cachedData: readFileSync(${JSON.stringify(`${cli}${CODE_CACHE_SUFFIX}`)}) });`,
            'process.stdout.write(String(script.cachedDataRejected));',
          ].join('\n'),
        ])
      ).stdout;
    expect(V8_FLAGS).toMatch(/^--interrupt-budget=\d+$/);
    expect(await probe(V8_FLAGS)).toBe('false');
    expect(await probe('--interrupt-budget=67584')).toBe('true');
  }, 60_000);

  it('is ASCII, so that it is read without UTF-8 decoding', () => {
    const bytes = readFileSync(freshBundle(bundleDir));
    const first = bytes.findIndex((byte) => byte > 0x7f);
    expect(first, first >= 0 ? bytes.subarray(Math.max(0, first - 60), first + 10).toString('utf8') : '').toBe(-1);
  });

  it('is used only while every input has the size and time recorded at build', () => {
    expect(freshBundle(bundleDir)).toBe(path.join(bundleDir, 'skill-lint.cjs'));
    const original = readFileSync(manifestPath(), 'utf8');
    const manifest = JSON.parse(original) as { inputs: Record<string, { size: number; mtimeMs: number }> };
    const inputs = Object.keys(manifest.inputs);
    expect(inputs).toEqual(expect.arrayContaining(['scripts/commands/cli.ts', 'scripts/engine/worker-main.ts', 'scripts/rules/link-target.ts', 'schemas/cli-schema.json']));
    // The installed packages stand behind npm's record of them, rewritten by every install.
    expect(inputs.filter((input) => input.startsWith('node_modules/'))).toEqual(['node_modules/.package-lock.json']);
    try {
      const edited = { ...manifest.inputs['scripts/engine/lint.ts'], size: manifest.inputs['scripts/engine/lint.ts'].size + 1 };
      writeFileSync(manifestPath(), JSON.stringify({ inputs: { ...manifest.inputs, 'scripts/engine/lint.ts': edited } }));
      expect(freshBundle(bundleDir)).toBeUndefined();
      const touched = { ...manifest.inputs['scripts/commands/cli.ts'], mtimeMs: manifest.inputs['scripts/commands/cli.ts'].mtimeMs - 1000 };
      writeFileSync(manifestPath(), JSON.stringify({ inputs: { ...manifest.inputs, 'scripts/commands/cli.ts': touched } }));
      expect(freshBundle(bundleDir)).toBeUndefined();
      writeFileSync(manifestPath(), JSON.stringify({ inputs: { ...manifest.inputs, 'scripts/removed.ts': { size: 1, mtimeMs: 1 } } }));
      expect(freshBundle(bundleDir)).toBeUndefined();
      writeFileSync(manifestPath(), '{ not json');
      expect(freshBundle(bundleDir)).toBeUndefined();
    } finally {
      writeFileSync(manifestPath(), original);
    }
    expect(freshBundle(path.join(work, 'never-built'))).toBeUndefined();
  });
});
