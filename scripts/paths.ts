// Where the repository's own data lives, independent of the working directory.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export function schemaPath(name: string): string {
  return path.join(repoRoot, 'schemas', name);
}
