// Runs the CommonJS bundle of skill-lint (in the command and in its worker threads) with V8's code cache: the bytecode of the functions a lint of this
// package compiled, saved by the bundle build (bundle.js), so a run neither parses nor compiles them again.
// That is about a fifth of `skill-lint check skills`; Node 20 keeps no compile cache of its own.
import { isAscii } from 'node:buffer';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';

/** The code cache of a script sits beside it, under the script's name plus this. */
export const CODE_CACHE_SUFFIX = '.v8-cache';

/**
 * How much a function runs before V8 optimizes it: twice V8's default (67,584 on Node 20). A lint is short,
 * and most of its functions run a few hundred times at most: optimizing them sooner costs more compiling, on
 * two cores, than it saves. Measured alternately against the default (2026-12-06): 8% less wall time and
 * 17% less CPU on this package, 3% less on 1,000 files, even at 5,000 and 20,000 (±3%); four times the
 * default lost 4 to 7% there. The flags are part of what the code cache is checked against, so every run of
 * the bundle sets them here, before its first compile, the build's run that makes the cache included.
 */
export const V8_FLAGS = '--interrupt-budget=135168';

/** Every script this module has run, by the path it was read from: what the bundle build makes caches of. */
export const scriptsRun = new Map();

/** A companion of a script: a CommonJS file beside it, required as `./name.cjs`, run through the cache too. */
const COMPANION = /^\.\/[\w.-]+\.cjs$/;

/**
 * Runs the CommonJS file `file` the way Node's loader would, and returns its exports, the compiled script
 * (whose `createCachedData()` gives a new cache), and whether V8 refused the cache beside it (undefined when
 * there was none, or `useCache` is false). A refused cache (another Node version, other V8 flags, another
 * build) only costs the compile it would have saved. `filename` is the name the code runs under: its
 * `__filename`, and the one stack traces show. A companion file it requires (`./flag-validators.cjs`) is
 * read from beside `file` and runs under its name beside `filename`, with its own cache.
 * @param {string} file
 * @param {{ useCache?: boolean, filename?: string }} [options]
 * @returns {{ exports: Record<string, any>, script: vm.Script, cacheRejected: boolean | undefined }}
 */
export function runCommonJs(file, { useCache = true, filename = file } = {}) {
  v8.setFlagsFromString(V8_FLAGS);
  const name = path.resolve(filename);
  let cachedData;
  if (useCache) {
    try {
      cachedData = readFileSync(`${file}${CODE_CACHE_SUFFIX}`);
    } catch {
      cachedData = undefined;
    }
  }
  const bytes = readFileSync(file);
  // ASCII (as the bundle build makes it) needs no UTF-8 decoding: a fifth of the time to read, on this bundle.
  const text = isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8');
  // The wrapper is Node's own, on the first line, so line numbers in stack traces stay those of the file.
  const source = `(function (exports, require, module, __filename, __dirname) {${text}\n})`;
  const script = new vm.Script(source, { filename: name, cachedData });
  scriptsRun.set(path.resolve(file), script);
  const module = { exports: {} };
  const requireFromFile = createRequire(name);
  const companions = new Map();
  const require = (id) => {
    if (!COMPANION.test(id)) return requireFromFile(id);
    if (!companions.has(id)) companions.set(id, runCommonJs(path.join(path.dirname(file), id), { useCache, filename: path.join(path.dirname(name), id) }).exports);
    return companions.get(id);
  };
  script.runInThisContext()(module.exports, Object.assign(require, requireFromFile), module, name, path.dirname(name));
  return { exports: module.exports, script, cacheRejected: cachedData ? script.cachedDataRejected : undefined };
}
