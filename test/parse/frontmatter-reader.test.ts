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

const leftToYaml: [string, string, string][] = [
  ['a number', 'version: 1.0\n', 'a value that does not start with a letter or a quote'],
  ['a version-like plain value', 'version: 1.0.0\n', 'a value that does not start with a letter or a quote'],
  ['a boolean', 'draft: true\n', 'a boolean or null value'],
  ['null', 'name: null\n', 'a boolean or null value'],
  ['a list', 'tags:\n  - a\n  - b\n', 'a line other than `key: value` or `key:`'],
  ['a flow list', 'tags: [a, b]\n', 'a value that does not start with a letter or a quote'],
  ['a comment', 'name: a # note\n', 'a plain value with a trailing space or colon, `: ` or ` #`'],
  ['a comment line', '# note\nname: a\n', 'a line other than `key: value` or `key:`'],
  ['a blank line', 'name: a\n\nlicense: MIT\n', 'a line other than `key: value` or `key:`'],
  ['an escape', 'name: "a\\tb"\n', 'a quoted value with escapes, inner quotes or more after it'],
  ['a multi-line value', 'description: first\n  second\n', 'a line other than `key: value` or `key:`'],
  ['a folded value', 'description: >\n  text\n', 'a value that does not start with a letter or a quote'],
  ['a duplicate key', 'name: a\nname: b\n', 'a duplicate key'],
  ['a duplicate nested key', 'metadata:\n  a: x\n  a: y\n', 'a duplicate key'],
  ['deeper nesting', 'metadata:\n  inner:\n    a: x\n', 'a block nested more than one level'],
  ['a key with nothing under it', 'name:\nlicense: MIT\n', 'a key without a value or a two-space block'],
  ['a colon and space inside a plain value', 'description: Use when: always\n', 'a plain value with a trailing space or colon, `: ` or ` #`'],
  ['a trailing space', 'name: a \n', 'a plain value with a trailing space or colon, `: ` or ` #`'],
  ['a tab', 'name:\ta\n', 'a tab, a control character or one beyond the Basic Multilingual Plane'],
  ['no space after the colon', 'name:a\n', 'a line other than `key: value` or `key:`'],
  ['a key YAML reads as a boolean', 'true: a\n', 'a key that is not plain text or cannot be held as data'],
  ['an emoji', 'name: a 😀\n', 'a tab, a control character or one beyond the Basic Multilingual Plane'],
  ['a quote inside single quotes', "name: 'it''s'\n", 'a quoted value with escapes, inner quotes or more after it'],
  ['an anchor', 'name: &x a\n', 'a value that does not start with a letter or a quote'],
  ['a key a plain object cannot hold', '__proto__: a\nmetadata:\n  constructor: b\n', 'a key that is not plain text or cannot be held as data'],
];

describe('simple-frontmatter reader', () => {
  it.each(accepted)('reads %s itself, exactly as the yaml library does', (_name, yaml) => {
    expect(readSimpleFrontmatter(yaml)).toHaveProperty('read');
    sameFrontmatter(file(yaml));
  });

  it.each(leftToYaml)('leaves %s to the yaml library, saying why', (_name, yaml, reason) => {
    expect(readSimpleFrontmatter(yaml)).toEqual({ fallback: reason });
    sameFrontmatter(file(yaml));
  });

  it('reads every frontmatter of this package itself', () => {
    let read = 0;
    for (const path of loadTree(['skills'], repoRoot).markdown) {
      const text = readFileSync(path, 'utf8');
      const frontmatter = sameFrontmatter(text);
      if (!frontmatter.present) continue;
      expect(readSimpleFrontmatter(frontmatter.raw), path).toHaveProperty('read');
      read++;
    }
    expect(read).toBeGreaterThanOrEqual(12);
  });
});
