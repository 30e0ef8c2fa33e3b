// Property-based runs of the whole pipeline on random and mutated input: no exception escapes,
// every diagnostic points inside its file, and each input finishes within a bound.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { lint } from '../../scripts/engine/lint.ts';
import { allRules } from '../../scripts/rules/index.ts';

const RUNS = Number(process.env.FUZZ_RUNS ?? 60);
const SEED = Number(process.env.FUZZ_SEED ?? 20261122);
const PER_INPUT_MS = 5_000;
const work = mkdtempSync(path.join(tmpdir(), 'skill-lint-fuzz-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const word = fc.constantFrom('cargo-ai', 'orchestration', 'run', 'create', '--workflow-uuid', '<uuid>', '--data', "'{\"a\":1}'", '"x y"', '$VAR', '$(cargo-ai ai agent list)', '|', '&&', ';', '\\\n', '#', '<', '>', "'", '"', '`', 'npx', '@cargo-ai/cli', '--filter', '{"conjonction":', 'é', '🚀', '\t');
const shell = fc.array(word, { maxLength: 25 }).map((words) => words.join(' '));
const yamlText = fc.oneof(
  fc.constant('name: a\ndescription: ok'),
  fc.string({ maxLength: 80 }),
  fc.array(fc.constantFrom('name: a', 'name:', '- x', 'a: &x [1]', 'b: *x', 'c: {', '"', 'description: >', '  folded', 'metadata:', '  v: 1', '\t', '---', '...'), { maxLength: 8 }).map((lines) => lines.join('\n')),
);
const block = fc.oneof(
  fc.string({ maxLength: 60 }),
  fc.constantFrom('# Heading', '## Heading', '## Héading 🚀', '> quote', '- item', '1. item', '| a | b |\n|---|---|\n| [x](y.md) | `z` |', '<!-- skill-lint-disable-next-line -->', '<a id="x"></a>', '---', '````', '```', '~~~'),
  fc.tuple(fc.constantFrom('[t](', '![i](', '[t][r]\n\n[r]: '), fc.constantFrom('x.md', '#h', '../x.md', '/abs', 'file:///x', '%2e%2e/x', '%zz', 'http://e.com', 'references/', '#héading-', ''), fc.constant(')')).map((parts) => parts.join('')),
  fc.tuple(fc.constantFrom('```bash', '```sh', '```console', '```', '```json', '~~~bash', '````bash'), fc.oneof(shell, fc.string({ maxLength: 40 })), fc.constantFrom('```', '~~~', '````', '')).map(([open, body, close]) => `${open}\n${open === '```console' ? '$ ' : ''}${body}\n${close}`),
  shell.map((text) => `\`${text.replace(/`/g, '')}\``),
);
const markdown = fc.tuple(fc.option(yamlText), fc.array(block, { maxLength: 12 }), fc.constantFrom('\n', '\r\n')).map(([yaml, blocks, eol]) => {
  const text = `${yaml === null ? '' : `---\n${yaml}\n---\n`}${blocks.join('\n\n')}\n`;
  return eol === '\n' ? text : text.replace(/\n/g, eol);
});
/** Random byte edits of a valid skill: the mutations a bad merge or a broken editor makes. */
const mutated = fc.tuple(fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 }), fc.boolean()), { maxLength: 6 })).map(([edits]) => {
  const bytes = Buffer.from(readFileSync(path.join(import.meta.dirname, '../fixtures/planted/skills/good/SKILL.md')));
  const out = [...bytes];
  for (const [at, value, insert] of edits) {
    const index = at % (out.length + 1);
    if (insert) out.splice(index, 0, value);
    else out[index] = value;
  }
  return Buffer.from(out);
});

let counter = 0;
function check(content: string | Buffer): void {
  const root = path.join(work, String(counter++));
  mkdirSync(path.join(root, 'a', 'references'), { recursive: true });
  writeFileSync(path.join(root, 'a', 'SKILL.md'), content);
  writeFileSync(path.join(root, 'a', 'references', 'x.md'), content);
  const started = performance.now();
  const { diagnostics } = lint({ rules: allRules, paths: ['.'], cwd: root });
  expect(performance.now() - started).toBeLessThan(PER_INPUT_MS);
  const lines = Buffer.isBuffer(content) ? content.toString('utf8').split('\n') : content.split('\n');
  for (const d of diagnostics) {
    expect(d.line, JSON.stringify(d)).toBeGreaterThanOrEqual(1);
    expect(d.line, JSON.stringify(d)).toBeLessThanOrEqual(lines.length + 1);
    expect(d.column, JSON.stringify(d)).toBeGreaterThanOrEqual(1);
    expect(d.endLine * 1e6 + d.endColumn, JSON.stringify(d)).toBeGreaterThanOrEqual(d.line * 1e6 + d.column);
    expect(d.message.length).toBeGreaterThan(0);
    expect(d.message, 'a rule crashed').not.toMatch(/^internal error/);
  }
  rmSync(root, { recursive: true, force: true });
}

describe('fuzzing the whole pipeline', () => {
  it('random markdown, frontmatter and shell never crash and stay in bounds', () => {
    fc.assert(fc.property(markdown, check), { numRuns: RUNS, seed: SEED });
  }, 300_000);

  it('byte mutations of a valid skill never crash', () => {
    fc.assert(fc.property(mutated, check), { numRuns: RUNS, seed: SEED });
  }, 300_000);

  it('arbitrary unicode text never crashes', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), check), { numRuns: RUNS, seed: SEED });
  }, 300_000);
});
