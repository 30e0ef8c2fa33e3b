// Validators generated ahead of time (schema-gen/precompile.ts) by the bundle build (scripts/bin/bundle.js):
// the frontmatter's, bundled in as the module FRONTMATTER_MODULE names, and the JSON flags', in a file beside
// the bundle that a run loads only when it first checks a JSON flag. Most repositories have no cargo-ai
// example, and the flags' validators are most of the bundle's code: left out, every run starts sooner.
// Run from the sources there are none, and each validator compiles when first needed.
import type { ValidateFunction } from 'ajv';

/** Defined (true) only in the prebuilt bundle, whose build provides the generated validators. */
declare const PRECOMPILED_VALIDATORS: boolean | undefined;

let flags: Record<string, ValidateFunction> | undefined;
let frontmatter: { spec: ValidateFunction; cargo: ValidateFunction } | undefined;

/** The generated flag validators by schema key (see `validatorKey`); none when running from the sources. */
export function precompiledValidators(): Record<string, ValidateFunction> {
  // Literal specifiers, so that the bundler sees them; the sources never reach these requires. The file
  // beside the bundle runs through the bundle's code cache loader (scripts/bin/cached-script.js).
  if (typeof PRECOMPILED_VALIDATORS === 'boolean') flags ??= (require('./flag-validators.cjs') as { precompiled: Record<string, ValidateFunction> }).precompiled;
  return flags ?? {};
}

/** The generated frontmatter validators by profile; undefined when running from the sources. */
export function precompiledFrontmatter(): { spec: ValidateFunction; cargo: ValidateFunction } | undefined {
  if (typeof PRECOMPILED_VALIDATORS === 'boolean') frontmatter ??= (require('virtual:frontmatter-validators') as { frontmatter: typeof frontmatter }).frontmatter;
  return frontmatter;
}
