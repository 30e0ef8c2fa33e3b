// The prebuilt bundle of skill-lint: one JavaScript file for the command and one for its worker threads.
// Loading TypeScript through tsx costs about half a second a process (and again in every worker); the bundle
// loads in a fraction of that. It is built by `npm run build`, which `npm ci` runs, and used only while every
// file it was built from is unchanged, so an edit to the sources is never hidden behind a stale bundle.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const BUNDLE_DIR = path.join(repoRoot, 'node_modules/.cache/skill-lint');
const MANIFEST = 'manifest.json';
const ENTRIES = { cli: 'scripts/cli.ts', worker: 'scripts/parse/worker-main.ts' };
/** The flag validators generated ahead of time (scripts/schema/precompile.ts), beside the bundle. */
const VALIDATORS = 'validators.cjs';
/** Data the generated validators are made from: read at build time, so inputs of the bundle too. */
const DATA_INPUTS = ['schemas/cli-schema.json', 'schemas/cli-json-definitions.json'];
/** The generator's entry, given to esbuild as text: not a file. */
const GENERATOR_ENTRY = 'precompile-entry.ts';

/**
 * The path of the bundled `name` ('cli' or 'worker') when the bundle in `dir` exists and each of its inputs
 * still has the size and modification time recorded at build; otherwise undefined.
 * @param {keyof typeof ENTRIES} name
 * @param {string} [dir]
 * @returns {string | undefined}
 */
export function freshBundle(name, dir = BUNDLE_DIR) {
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(path.join(dir, MANIFEST), 'utf8'));
  } catch {
    return undefined;
  }
  for (const [input, recorded] of Object.entries(manifest.inputs ?? {})) {
    try {
      const stat = statSync(path.join(repoRoot, input));
      if (stat.size !== recorded.size || stat.mtimeMs !== recorded.mtimeMs) return undefined;
    } catch {
      return undefined;
    }
  }
  return path.join(dir, `${name}.js`);
}

/**
 * Generates the flag validators, then builds both bundles, into a fresh folder, then swaps it in for `dir`:
 * a failed build leaves the old bundle, or none. Returns how many input files the bundle was built from.
 * @param {string} [dir]
 * @returns {Promise<number>}
 */
export async function buildBundle(dir = BUNDLE_DIR) {
  const { build } = await import('esbuild');
  const staging = `${dir}.tmp-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  try {
    const common = {
      absWorkingDir: repoRoot,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      // Prefer ES module builds: some packages' CommonJS builds (jsonc-parser's UMD) require files by runtime path.
      mainFields: ['module', 'main'],
      metafile: true,
      logLevel: 'warning',
      // Bundled CommonJS modules require Node's built-in modules; an ES module has no require of its own.
      banner: { js: "import { createRequire as bundleRequire } from 'node:module'; const require = bundleRequire(import.meta.url);" },
    };
    const generator = await build({
      ...common,
      stdin: {
        contents: "import { precompiledModule } from './scripts/schema/precompile.ts';\nprocess.stdout.write(precompiledModule());\n",
        resolveDir: repoRoot,
        sourcefile: GENERATOR_ENTRY,
        loader: 'ts',
      },
      outfile: path.join(staging, 'precompile.mjs'),
      define: { BUNDLED_ROOT_FROM_HERE: JSON.stringify(path.relative(staging, repoRoot)) },
    });
    const validators = execFileSync(process.execPath, [path.join(staging, 'precompile.mjs')], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    writeFileSync(path.join(staging, VALIDATORS), validators);
    rmSync(path.join(staging, 'precompile.mjs'));
    const result = await build({
      ...common,
      entryPoints: ENTRIES,
      outdir: staging,
      define: {
        // scripts/paths.ts finds the repository's data folders from its own location, which bundling moves.
        BUNDLED_ROOT_FROM_HERE: JSON.stringify(path.relative(dir, repoRoot)),
        PRECOMPILED_VALIDATORS: JSON.stringify(VALIDATORS),
      },
    });
    const inputs = {};
    const sources = [...Object.keys(generator.metafile.inputs), ...Object.keys(result.metafile.inputs), ...DATA_INPUTS];
    for (const input of new Set(sources.filter((source) => source !== GENERATOR_ENTRY))) {
      const stat = statSync(path.join(repoRoot, input));
      inputs[input] = { size: stat.size, mtimeMs: stat.mtimeMs };
    }
    writeFileSync(path.join(staging, MANIFEST), `${JSON.stringify({ inputs })}\n`);
    mkdirSync(path.dirname(dir), { recursive: true });
    rmSync(dir, { recursive: true, force: true });
    renameSync(staging, dir);
    return Object.keys(inputs).length;
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

/** `npm run build`: builds the bundle and says so; a failure is one line on stderr and exit code 1. */
export async function buildAndReport() {
  try {
    const inputs = await buildBundle();
    console.log(`skill-lint bundle: ${inputs} inputs -> ${path.relative(repoRoot, BUNDLE_DIR)}`);
  } catch (error) {
    console.error(`skill-lint bundle: build failed: ${error.message}`);
    process.exitCode = 1;
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await buildAndReport();
