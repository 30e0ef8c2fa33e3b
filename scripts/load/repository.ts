// The root that reports name files from, so that a code-scanning upload matches them to the repository
// whatever folder the command ran in.
import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * The git top level above `from` (the folder holding `.git`, a folder or, in a worktree, a file), else the
 * folder of the config file, else `fallback`.
 */
export function repositoryRoot(from: string, configFile: string | undefined, fallback: string): string {
  for (let dir = path.resolve(from); ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, '.git'))) return dir;
    if (path.dirname(dir) === dir) break;
  }
  return configFile ? path.dirname(path.resolve(fallback, configFile)) : path.resolve(fallback);
}
