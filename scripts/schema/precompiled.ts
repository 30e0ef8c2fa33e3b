// Flag validators generated ahead of time (precompile.ts) by the bundle build, into a file beside the bundle,
// and read when a run first checks a JSON flag. Run from the sources there is no such file, and each
// validator compiles when first needed.
import { createRequire } from 'node:module';
import type { ValidateFunction } from 'ajv';

/** Defined only in the prebuilt bundle (scripts/bin/bundle.js): the generated file's name, beside the bundle. */
declare const PRECOMPILED_VALIDATORS: string | undefined;

let loaded: Record<string, ValidateFunction> | undefined;

/** The generated validators by schema key (see `validatorKey`); none when running from the sources. */
export function precompiledValidators(): Record<string, ValidateFunction> {
  if (!loaded) {
    const file = typeof PRECOMPILED_VALIDATORS === 'string' ? PRECOMPILED_VALIDATORS : undefined;
    loaded = file ? (createRequire(import.meta.url)(`./${file}`) as { precompiled: Record<string, ValidateFunction> }).precompiled : {};
  }
  return loaded;
}
