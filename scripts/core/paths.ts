// Where the repository's own data lives, independent of the working directory.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Defined only in the prebuilt bundle (scripts/bin/bundle.js), which lives elsewhere than this file. */
declare const BUNDLED_ROOT_FROM_HERE: string | undefined;
const rootFromHere = typeof BUNDLED_ROOT_FROM_HERE === 'string' ? BUNDLED_ROOT_FROM_HERE : '../..';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), rootFromHere);

/** The prebuilt bundle this code runs from, or undefined when it runs from the TypeScript sources. */
export const bundleFile = typeof BUNDLED_ROOT_FROM_HERE === 'string' ? fileURLToPath(import.meta.url) : undefined;

export function schemaPath(name: string): string {
  return path.join(repoRoot, 'schemas', name);
}

/** A path as diagnostics show it: relative to `cwd` when inside it, else as given. */
export function displayPath(file: string, cwd: string): string {
  const relative = path.relative(cwd, file);
  return relative && !relative.startsWith('..') ? relative : file;
}
