// Validators generated ahead of time (precompile.ts) by the bundle build, which bundles them in as the module
// VALIDATORS_MODULE names (scripts/bin/bundle.js): the JSON flags', read when a run first checks a JSON flag,
// and the frontmatter's. Run from the sources there are none, and each validator compiles when first needed.
import type { ValidateFunction } from 'ajv';

/** Defined (true) only in the prebuilt bundle, whose build provides the generated validators. */
declare const PRECOMPILED_VALIDATORS: boolean | undefined;

interface GeneratedModule {
  precompiled: Record<string, ValidateFunction>;
  frontmatter: { spec: ValidateFunction; cargo: ValidateFunction };
}

let loaded: GeneratedModule | undefined;

/** The generated module, in the bundle only. */
function generated(): GeneratedModule | undefined {
  // A literal specifier, so that the bundler sees it; the sources never reach this require.
  if (typeof PRECOMPILED_VALIDATORS === 'boolean') loaded ??= require('virtual:precompiled-validators') as GeneratedModule;
  return loaded;
}

/** The generated flag validators by schema key (see `validatorKey`); none when running from the sources. */
export function precompiledValidators(): Record<string, ValidateFunction> {
  return generated()?.precompiled ?? {};
}

/** The generated frontmatter validators by profile; undefined when running from the sources. */
export function precompiledFrontmatter(): GeneratedModule['frontmatter'] | undefined {
  return generated()?.frontmatter;
}
