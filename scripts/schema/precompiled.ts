// Flag validators generated ahead of time (precompile.ts) by the bundle build, which bundles them in as the
// module VALIDATORS_MODULE names (scripts/bin/bundle.js), read when a run first checks a JSON flag. Run from
// the sources there are none, and each validator compiles when first needed.
import type { ValidateFunction } from 'ajv';

/** Defined (true) only in the prebuilt bundle, whose build provides the generated validators. */
declare const PRECOMPILED_VALIDATORS: boolean | undefined;

let loaded: Record<string, ValidateFunction> | undefined;

/** The generated validators by schema key (see `validatorKey`); none when running from the sources. */
export function precompiledValidators(): Record<string, ValidateFunction> {
  if (!loaded) {
    // A literal specifier, so that the bundler sees it; the sources never reach this require.
    loaded = typeof PRECOMPILED_VALIDATORS === 'boolean' ? (require('virtual:precompiled-validators') as { precompiled: Record<string, ValidateFunction> }).precompiled : {};
  }
  return loaded;
}
