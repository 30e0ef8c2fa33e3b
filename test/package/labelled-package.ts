// A stand-in package for the publishing tests: many files that all carry one label, so a reader can tell a
// whole package (one label everywhere) from a missing or mixed one.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const PARTS = 20;

export function writeLabelled(dir: string, label: string): void {
  for (let i = 0; i < PARTS; i++) {
    mkdirSync(path.join(dir, `part-${i}`), { recursive: true });
    writeFileSync(path.join(dir, `part-${i}`, 'file.txt'), label);
  }
  writeFileSync(path.join(dir, 'catalog.json'), JSON.stringify({ label }));
}

/** The label a reader finds at `out`: one label throughout, else a description of what is wrong. */
export function readLabel(out: string): string {
  if (!existsSync(path.join(out, 'catalog.json'))) return 'missing';
  const labels = new Set([JSON.parse(readFileSync(path.join(out, 'catalog.json'), 'utf8')).label as string]);
  for (let i = 0; i < PARTS; i++) {
    const file = path.join(out, `part-${i}`, 'file.txt');
    labels.add(existsSync(file) ? readFileSync(file, 'utf8') : 'missing');
  }
  return labels.size === 1 ? [...labels][0] : `mixed: ${[...labels].join(', ')}`;
}
