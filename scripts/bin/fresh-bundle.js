// Whether the prebuilt bundle (bundle.js) may run: every command starts here, so this module loads nothing
// it does not need (the build's imports, child processes and esbuild, stay in bundle.js).
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const BUNDLE_DIR = path.join(repoRoot, 'node_modules/.cache/skill-lint');
export const MANIFEST = 'manifest.json';
export const BUNDLE = 'skill-lint.cjs';

/**
 * The path of the bundle when the one in `dir` exists and each of its inputs still has the size and
 * modification time recorded at build; otherwise undefined.
 * @param {string} [dir]
 * @returns {string | undefined}
 */
export function freshBundle(dir = BUNDLE_DIR) {
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(path.join(dir, MANIFEST), 'utf8'));
  } catch {
    return undefined;
  }
  // Every command pays for these look-ups before it starts: a missing file answers undefined rather than
  // throwing, and the recorded paths are plain relative ones, joined without normalising.
  const root = `${repoRoot}${path.sep}`;
  try {
    for (const [input, recorded] of Object.entries(manifest.inputs ?? {})) {
      const stat = statSync(root + input, { throwIfNoEntry: false });
      if (!stat || stat.size !== recorded.size || stat.mtimeMs !== recorded.mtimeMs) return undefined;
    }
  } catch {
    return undefined;
  }
  return path.join(dir, BUNDLE);
}
