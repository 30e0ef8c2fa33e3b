// The prebuilt bundle of skill-lint: one CommonJS file for the command and its worker threads (and a second
// beside it, the flag validators, loaded only by a run that needs them), run through
// V8's code cache (cached-script.js). Loading TypeScript through tsx costs about half a second a process (and
// again in every worker); the bundle loads in a fraction of that. It is built by `npm run build`, which `npm ci` runs, and used only while every file it
// was built from is unchanged, so an edit to the sources is never hidden behind a stale bundle.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { CODE_CACHE_SUFFIX } from './cached-script.js';
import { BUNDLE, BUNDLE_DIR, MANIFEST, repoRoot } from './fresh-bundle.js';

export { BUNDLE_DIR, freshBundle, repoRoot } from './fresh-bundle.js';

/** The bundle's entry, given to esbuild as text: the command's `main`, and the `workerMain` of its threads. */
const ENTRY = "export { main } from './scripts/commands/cli.ts';\nexport { workerMain } from './scripts/engine/worker-main.ts';\n";
/** How scripts/schema/precompiled.ts names the frontmatter validators generated ahead of time (schema-gen/precompile.ts). */
const FRONTMATTER_MODULE = 'virtual:frontmatter-validators';
/** The flag validators generated ahead of time: a file beside the bundle, which requires it by this name. */
const FLAG_VALIDATORS = 'flag-validators.cjs';
/** The flag validators generated alone, beside the bundle (see scripts/schema/precompiled.ts). */
const FLAG_VALIDATOR_ALONE = /^flag-validator-[\w-]+\.cjs$/;
/** Data the generated validators are made from: read at build time, so inputs of the bundle too. */
const DATA_INPUTS = ['schemas/cli-schema.json', 'schemas/cli-json-definitions.json', 'schemas/skill-frontmatter.schema.json'];
/** Data files the bundle reads from compact copies beside it (scripts/schema/index.ts): half the size unindented. */
const COMPACT_DATA = ['schemas/cli-schema.json', 'schemas/cli-json-definitions.json'];
/** npm's record of the packages installed, rewritten by every `npm install` and `npm ci`. */
const INSTALLED_TREE = 'node_modules/.package-lock.json';
/** What the code cache is made from: a lint of this package, whose functions it then holds compiled. */
const TRAINING_ARGS = ['check', 'skills', '--format', 'json'];

/**
 * An esbuild plugin that gives `require(FRONTMATTER_MODULE)` the generated validators in `file`, or, without
 * a file (while building the generator itself), none; and leaves the flag validators' file to be required at
 * run time. The generated code requires ajv's runtime helpers, found from the repository wherever the file
 * was written.
 * @param {string | undefined} file
 */
function validatorsPlugin(file) {
  return {
    name: 'precompiled-validators',
    setup(build) {
      const filter = new RegExp(`^${FRONTMATTER_MODULE}$`);
      build.onResolve({ filter }, () => ({ path: FRONTMATTER_MODULE, namespace: file ? 'validators' : 'no-validators' }));
      build.onResolve({ filter: new RegExp(`^\\./${FLAG_VALIDATORS.replace('.', '\\.')}$`) }, () => ({ path: `./${FLAG_VALIDATORS}`, external: true }));
      build.onLoad({ filter: /.*/, namespace: 'validators' }, () => ({ contents: readFileSync(file, 'utf8'), loader: 'js', resolveDir: repoRoot }));
      build.onLoad({ filter: /.*/, namespace: 'no-validators' }, () => ({ contents: 'exports.frontmatter = undefined;', loader: 'js' }));
    },
  };
}

/**
 * An esbuild plugin that gives packages a `node:child_process` loaded on first use: commander requires it
 * when loaded, for executable subcommands skill-lint never has, and loading it is a few milliseconds of every
 * run's start. Our own sources load it lazily already (scripts/core/builtins.ts).
 */
function lazyChildProcessPlugin() {
  return {
    name: 'lazy-child-process',
    setup(build) {
      build.onResolve({ filter: /^(?:node:)?child_process$/ }, (args) =>
        args.importer.includes(`${path.sep}node_modules${path.sep}`) ? { path: 'lazy-child-process', namespace: 'lazy-child-process' } : undefined,
      );
      build.onLoad({ filter: /.*/, namespace: 'lazy-child-process' }, () => ({
        contents: "module.exports = new Proxy({}, { get: (_, name) => require('node:child_process')[name] });",
        loader: 'js',
      }));
    },
  };
}

/**
 * Generates the flag validators, builds the bundle with them inside, then makes its code cache, all into a
 * fresh folder, then swaps it in for `dir`: a failed build leaves the old bundle, or none.
 * Returns how many input files the bundle was built from.
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
      target: 'node20',
      // Prefer ES module builds: some packages' CommonJS builds (jsonc-parser's UMD) require files by runtime path.
      mainFields: ['module', 'main'],
      metafile: true,
      logLevel: 'warning',
    };
    const generator = await build({
      ...common,
      format: 'esm',
      // Bundled CommonJS modules require Node's built-in modules; an ES module has no require of its own.
      banner: { js: "import { createRequire as bundleRequire } from 'node:module'; const require = bundleRequire(import.meta.url);" },
      stdin: {
        contents:
          "import { flagValidatorModules, frontmatterValidatorsModule } from './scripts/schema-gen/precompile.ts';\n" +
          'const flags = flagValidatorModules();\n' +
          'process.stdout.write(JSON.stringify({ flags: flags.all, flagsAlone: flags.alone, frontmatter: frontmatterValidatorsModule() }));\n',
        resolveDir: repoRoot,
        sourcefile: 'precompile-entry.ts',
        loader: 'ts',
      },
      outfile: path.join(staging, 'precompile.mjs'),
      plugins: [validatorsPlugin(undefined)],
      define: { BUNDLED_ROOT_FROM_HERE: JSON.stringify(path.relative(staging, repoRoot)), PRECOMPILED_VALIDATORS: 'true' },
    });
    const generated = JSON.parse(execFileSync(process.execPath, [path.join(staging, 'precompile.mjs')], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 }));
    const validators = path.join(staging, 'frontmatter-validators.cjs');
    writeFileSync(validators, generated.frontmatter);
    const flagSource = path.join(staging, 'flag-validators.source.cjs');
    writeFileSync(flagSource, generated.flags);
    // Bundled on its own, ajv's runtime helpers inside, so that it loads as one script through the code cache.
    // Generated code, never read by a person: fully minified it is a quarter smaller, and quicker to read in.
    const flagValidators = await build({
      ...common,
      format: 'cjs',
      minifyWhitespace: true,
      minifyIdentifiers: true,
      minifySyntax: true,
      entryPoints: [flagSource],
      outfile: path.join(staging, FLAG_VALIDATORS),
    });
    // Each validator alone too, for runs that need one or two (scripts/schema/precompiled.ts).
    const aloneSources = path.join(staging, 'flag-validators-alone');
    mkdirSync(aloneSources);
    const aloneEntries = Object.entries(generated.flagsAlone).map(([name, code]) => {
      writeFileSync(path.join(aloneSources, name), code);
      return { in: path.join(aloneSources, name), out: path.basename(name, '.cjs') };
    });
    const flagValidatorsAlone = await build({
      ...common,
      format: 'cjs',
      minifyWhitespace: true,
      minifyIdentifiers: true,
      minifySyntax: true,
      entryPoints: aloneEntries,
      outdir: staging,
      outExtension: { '.js': '.cjs' },
    });
    rmSync(aloneSources, { recursive: true });
    const bundle = await build({
      ...common,
      format: 'cjs',
      // Without comments and with our sources' regular expressions escaped, the bundle is ASCII: quicker to read.
      minifyWhitespace: true,
      stdin: { contents: ENTRY, resolveDir: repoRoot, sourcefile: 'bundle-entry.ts', loader: 'ts' },
      outfile: path.join(staging, BUNDLE),
      plugins: [validatorsPlugin(validators), lazyChildProcessPlugin()],
      // The sources are ES modules: their `import.meta.url` is the bundle's own file URL.
      banner: { js: "var importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
      define: {
        'import.meta.url': 'importMetaUrl',
        // scripts/core/paths.ts finds the repository's data folders from its own location, which bundling moves.
        BUNDLED_ROOT_FROM_HERE: JSON.stringify(path.relative(dir, repoRoot)),
        PRECOMPILED_VALIDATORS: 'true',
      },
    });
    rmSync(path.join(staging, 'precompile.mjs'));
    rmSync(validators);
    rmSync(flagSource);
    for (const data of COMPACT_DATA) {
      writeFileSync(path.join(staging, path.basename(data)), JSON.stringify(JSON.parse(readFileSync(path.join(repoRoot, data), 'utf8'))));
      // The training run below runs under the final name, so it would read the previous build's copies:
      // without them it reads schemas/ itself, as any run does that finds no copy.
      rmSync(path.join(dir, path.basename(data)), { force: true });
    }
    makeCodeCache(path.join(staging, BUNDLE), path.join(dir, BUNDLE));
    const inputs = {};
    const sources = [generator, bundle, flagValidators, flagValidatorsAlone].flatMap((result) => Object.keys(result.metafile.inputs));
    // The packages' files count as one: npm rewrites its record of the installed tree on every install, and
    // every run checks its inputs before it starts, so three hundred look-ups fewer is a quicker start.
    const ownSources = sources.filter((input) => !input.startsWith('node_modules/'));
    for (const input of new Set([...ownSources, ...DATA_INPUTS, INSTALLED_TREE])) {
      // Left out: the entries, given as text, the validators, generated into the staging folder, and the
      // stand-in for them.
      if (!existsSync(path.join(repoRoot, input)) || path.resolve(repoRoot, input).startsWith(staging)) continue;
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

/**
 * Lints this package with the bundle `file` in a child process, then saves V8's code cache beside it and
 * beside the flag validators it loaded: each cache then holds every function of its script that lint
 * compiled. The bundle runs under the name it will have once moved to `finalFile`, which the cache keeps
 * (stack traces and profiles show it).
 * @param {string} file
 * @param {string} finalFile
 */
function makeCodeCache(file, finalFile) {
  const training = [
    `import { readdirSync, writeFileSync } from 'node:fs';`,
    `import path from 'node:path';`,
    `import { runCommonJs, scriptsRun, CODE_CACHE_SUFFIX } from ${JSON.stringify(pathToFileURL(path.join(repoRoot, 'scripts/bin/cached-script.js')).href)};`,
    `const { exports } = runCommonJs(${JSON.stringify(file)}, { useCache: false, filename: ${JSON.stringify(finalFile)} });`,
    `await exports.main(['node', 'skill-lint', ...${JSON.stringify(TRAINING_ARGS)}]);`,
    // The flag validators the lint did not load alone are loaded here, each run once, so each has a cache too.
    `for (const name of readdirSync(${JSON.stringify(path.dirname(file))}).filter((name) => ${FLAG_VALIDATOR_ALONE}.test(name))) {`,
    `  const read = path.join(${JSON.stringify(path.dirname(file))}, name);`,
    `  if (!scriptsRun.has(read)) runCommonJs(read, { useCache: false, filename: path.join(${JSON.stringify(path.dirname(finalFile))}, name) }).exports.validate(null);`,
    `}`,
    `for (const [read, script] of scriptsRun) writeFileSync(read + CODE_CACHE_SUFFIX, script.createCachedData());`,
  ].join('\n');
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', training], { cwd: repoRoot, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  const flagValidators = path.join(path.dirname(file), FLAG_VALIDATORS);
  if (!existsSync(`${file}${CODE_CACHE_SUFFIX}`) || !existsSync(`${flagValidators}${CODE_CACHE_SUFFIX}`)) throw new Error(`the code cache run failed: ${run.stderr.trim().split('\n').slice(-3).join(' ')}`);
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
