// The simple-frontmatter reader: what it reads itself (exactly as the yaml library does, spans included),
// what it leaves to the yaml library, and the share of this package it covers.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadTree } from '../../scripts/load/files.ts';
import { readSimpleFrontmatter } from '../../scripts/parse/simple-frontmatter.ts';
import { repoRoot } from '../../scripts/core/paths.ts';
import { sameFrontmatter } from './reader-helpers.ts';

const file = (yaml: string) => `---\n${yaml}---\n# Body\n`;

const accepted: [string, string][] = [
  ['plain values', 'name: cargo-storage\ndescription: Reads files. Use when the user says "list my files", or asks for x-y, [a], {b}, a#b or 50%.\n'],
  ['quoted values', `name: 'a'\ndescription: "It's here: really # not a comment"\nlicense: ''\n`],
  ['a block of nested keys', 'name: a\nmetadata:\n  author: team\n  version: "1.0.0"\ncompatibility: Requires @cargo-ai/cli (npm).\n'],
  ['text beyond ASCII', 'name: a\ndescription: Café, naïve “quotes” and — dashes.\n'],
];

const leftToYaml: [string, string][] = [
  ['a number', 'version: 1.0\n'],
  ['a version-like plain value', 'version: 1.0.0\n'],
  ['a boolean', 'draft: true\n'],
  ['null', 'name: null\n'],
  ['a list', 'tags:\n  - a\n  - b\n'],
  ['a flow list', 'tags: [a, b]\n'],
  ['a comment', 'name: a # note\n'],
  ['a comment line', '# note\nname: a\n'],
  ['a blank line', 'name: a\n\nlicense: MIT\n'],
  ['an escape', 'name: "a\\tb"\n'],
  ['a multi-line value', 'description: first\n  second\n'],
  ['a folded value', 'description: >\n  text\n'],
  ['a duplicate key', 'name: a\nname: b\n'],
  ['a duplicate nested key', 'metadata:\n  a: x\n  a: y\n'],
  ['deeper nesting', 'metadata:\n  inner:\n    a: x\n'],
  ['a key with nothing under it', 'name:\nlicense: MIT\n'],
  ['a colon and space inside a plain value', 'description: Use when: always\n'],
  ['a trailing space', 'name: a \n'],
  ['a tab', 'name:\ta\n'],
  ['no space after the colon', 'name:a\n'],
  ['a key YAML reads as a boolean', 'true: a\n'],
  ['an emoji', 'name: a 😀\n'],
  ['a quote inside single quotes', "name: 'it''s'\n"],
  ['an anchor', 'name: &x a\n'],
  ['a key a plain object cannot hold', '__proto__: a\nmetadata:\n  constructor: b\n'],
];

describe('simple-frontmatter reader', () => {
  it.each(accepted)('reads %s itself, exactly as the yaml library does', (_name, yaml) => {
    expect(readSimpleFrontmatter(yaml)).toBeDefined();
    sameFrontmatter(file(yaml));
  });

  it.each(leftToYaml)('leaves %s to the yaml library', (_name, yaml) => {
    expect(readSimpleFrontmatter(yaml)).toBeUndefined();
    sameFrontmatter(file(yaml));
  });

  it('reads every frontmatter of this package itself', () => {
    let read = 0;
    for (const path of loadTree(['skills'], repoRoot).markdown) {
      const text = readFileSync(path, 'utf8');
      const frontmatter = sameFrontmatter(text);
      if (!frontmatter.present) continue;
      expect(readSimpleFrontmatter(frontmatter.raw), path).toBeDefined();
      read++;
    }
    expect(read).toBeGreaterThanOrEqual(12);
  });
});
