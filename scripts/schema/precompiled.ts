// Validators generated ahead of time (schema-gen/precompile.ts) by the bundle build (scripts/bin/bundle.js):
// the frontmatter's, bundled in as the module FRONTMATTER_MODULE names, and the JSON flags', in files beside
// the bundle that a run loads only when it first checks a JSON flag. Most repositories have no cargo-ai
// example, and the flags' validators are most of the bundle's code: left out, every run starts sooner.
// Run from the sources there are none, and each validator compiles when first needed.
import type { ValidateFunction } from 'ajv';

/** Defined (true) only in the prebuilt bundle, whose build provides the generated validators. */
declare const PRECOMPILED_VALIDATORS: boolean | undefined;

/**
 * How many flag validators a run loads from their own files before it loads them all from one. A repository's
 * examples mostly use one or two JSON flags: alone, the largest validator is a fifth of the file that holds all
 * 66 (which share the definitions they reference), and loads in a tenth of the time. This package uses forty.
 */
const LOADED_ALONE = 2;

let flags: Record<string, ValidateFunction> | undefined;
let loadedAlone = 0;
let frontmatter: { spec: ValidateFunction; cargo: ValidateFunction } | undefined;

/**
 * The name of the file that holds, alone, the generated validator of the flag schema with this key (see
 * `validatorKey`): a 64-bit hash of the key (two 32-bit FNV-1a hashes with different primes), which the build
 * checks is unique among the schemas'.
 */
export function validatorFileName(key: string): string {
  let first = 0x811c9dc5;
  let second = 0x811c9dc5;
  for (let index = 0; index < key.length; index++) {
    const code = key.charCodeAt(index);
    first = Math.imul(first ^ code, 0x01000193);
    second = Math.imul(second ^ code, 0x5bd1e995);
  }
  return `flag-validator-${(first >>> 0).toString(36)}-${(second >>> 0).toString(36)}.cjs`;
}

/** The generated validator of the flag schema with this key; undefined when running from the sources. */
export function precompiledValidator(key: string): ValidateFunction | undefined {
  if (typeof PRECOMPILED_VALIDATORS !== 'boolean') return undefined;
  if (!flags && loadedAlone < LOADED_ALONE) {
    const alone = validatorAlone(key);
    if (alone) {
      loadedAlone++;
      return alone;
    }
  }
  // A literal specifier, so that the bundler sees it; the sources never reach this require. The files beside
  // the bundle run through the bundle's code cache loader (scripts/bin/cached-script.js).
  flags ??= (require('./flag-validators.cjs') as { precompiled: Record<string, ValidateFunction> }).precompiled;
  return flags[key];
}

/** The validator of this key from its own file, or undefined when the build made none for it. */
function validatorAlone(key: string): ValidateFunction | undefined {
  try {
    // Through a variable: a template literal would have the bundler take in every file its pattern matches.
    const specifier = `./${validatorFileName(key)}`;
    return (require(specifier) as { validate: ValidateFunction }).validate;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** The generated frontmatter validators by profile; undefined when running from the sources. */
export function precompiledFrontmatter(): { spec: ValidateFunction; cargo: ValidateFunction } | undefined {
  if (typeof PRECOMPILED_VALIDATORS === 'boolean') frontmatter ??= (require('virtual:frontmatter-validators') as { frontmatter: typeof frontmatter }).frontmatter;
  return frontmatter;
}
