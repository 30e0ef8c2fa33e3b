// The jq parser and the path typer, held to the real jq: the parser accepts what jq compiles and refuses what
// it does not, and a path the typer calls missing is exactly one that gives null on a maximal answer (every
// property present, one element per array). The real jq is a test dependency (.ci/run installs it).
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../scripts/core/paths.ts';
import { extractShell } from '../../scripts/extract/invocations.ts';
import { readSkillFile } from '../../scripts/load/files.ts';
import { parseDocument } from '../../scripts/parse/document.ts';
import { JqSyntaxError, parseJq, type JqNode } from '../../scripts/parse/jq.ts';
import { readJqCall } from '../../scripts/extract/shell-flows.ts';
import { commandName, loadCliSchema } from '../../scripts/schema/index.ts';
import { checkJqPaths } from '../../scripts/schema/jq-paths.ts';
import type { JsonSchema } from '../../scripts/schema/model.ts';
import { resultOf } from '../../scripts/schema/results.ts';

const hasJq = spawnSync('jq', ['--version']).status === 0;

/** Whether the real jq compiles `filter` (exit 3 is its compile error; a run-time error on null still compiled). */
function jqCompiles(filter: string): boolean {
  // A variable jq does not know is a compile error: give each one the filter names a value.
  const names = new Set([...filter.matchAll(/\$([A-Za-z_][A-Za-z0-9_]*)/g)].map((match) => match[1]).filter((name) => name !== '__loc__' && name !== 'ENV'));
  const variables = [...names].flatMap((name) => ['--argjson', name, 'null']);
  return spawnSync('jq', ['-n', ...variables, filter], { input: '' }).status !== 3;
}

function parses(filter: string): boolean {
  try {
    parseJq(filter);
    return true;
  } catch (error) {
    if (error instanceof JqSyntaxError) return false;
    throw error;
  }
}

const accepted = [
  '.', '.a', '.a.b', '.a?', '.["a"]', '."a"', '.a."b"', '.[0]', '.[-1]', '.[1:2]', '.[:2]', '.[1:]', '.[]', '.[]?', '..',
  '{status, failedRunsCount}', '{a: 1, "b": .c, (.d): 2, $x}', '{"a"}', '{a: -1}', '{a: (.x // 1)}', '{a: .b | .c}', '{if: 1}',
  '.batch | {status, runsCount}', '.tools[] | select(.name == "x") | .workflowUuid', '.a // .b // "c"', '.a, .b | .c',
  '[.metrics[].items[]] | group_by(.groupBy) | map({workflow: .[0].groupBy, credits: (map(.count) | add)}) | sort_by(-.credits)',
  '.graph as $g | $g.nodes[].id | select(. as $id | [$g.edges[].target] | index($id) | not)', '"\\(.a) -> \\(.b)"',
  '.a as [$x, $y] | $x', '. as {a: $x, $y} | $x', '. as [$a] ?// $a | $a', 'reduce .[] as $x (0; . + $x)',
  'foreach .[] as $x (0; . + 1; [$x, .])', 'if . then 1 elif 2 then 3 else 4 end', 'try error("x") catch .', 'def f(x): x; f(.)',
  'def g: 1; def h($a; b): $a + b; h(1; g)', '@base64 "x\\(.)"', '@csv', '.a = 1 | .b |= 2 | .c += 1 | .d //= 3', 'label $out | 1, break $out', '1, label $f | 2', '[label $f | 1]',
  '.a .b', '-1', '- .a', '1 + 2 * 3 - 4 / 5 % 6', '.a and .b or .c', 'not', '.a | 1 as $x | $x + 1', '$ENV.HOME', '.a[]?.b', 'sub("\\\\.mdx?$"; "")',
  '.records | to_entries[] | select(.key % 60 == 0) | .value', '[.[] | select((.email // "") | test("^(info|sales)@"))] | length', '# comment\n.a',
  '.a as $x | reduce $x[] as [$a] (.; .)', '', '  # only a comment', '"a" as $x | {$x}', '.[.a]', '.a[.b:]', '.["\\(.k)"]', '1e3, .5, 0.25',
];
const refused = [
  '{a: .x // 1}', '1 == 2 == 3', '{@base64}', '.a |', '(.a', '.a)', '[1, 2', '{a b}', 'if . then 1', 'reduce .[] as $x (0)', '.[', '"open',
  '.a as x | x', 'def : 1; 1', '{(.a)}', 'try', '.a..b', '$', '1 +', 'foo(', 'label out | 1', '"\\q"', '.a[1:2:3]',
];
/** Grammar of jq 1.7 and 1.8 that jq 1.6 (Debian 12) refuses: accepted here, not compared. */
const newerGrammar = ['.a.[0]', '{$__loc__}', '{a: 1, $__loc__}', 'reduce .[] as $x (0; . + $x).a', '{a: if . then 1 else 2 end}', 'if . then 1 end'];

describe('jq parser', () => {
  it.each(accepted)('parses %j', (filter) => expect(parses(filter)).toBe(true));
  it.each(refused)('refuses %j', (filter) => expect(parses(filter)).toBe(false));
  it.each(newerGrammar)('parses newer grammar %j', (filter) => expect(parses(filter)).toBe(true));

  it('reads a filter once: the same text gives the same tree, or the same error, again', () => {
    expect(parseJq('.runs[0] | .uuid')).toBe(parseJq('.runs[0] | .uuid'));
    const errors = [0, 1].map(() => {
      try {
        parseJq('.runs[');
      } catch (error) {
        return error;
      }
      return undefined;
    });
    expect(errors[0]).toBeInstanceOf(JqSyntaxError);
    expect(errors[1]).toBe(errors[0]);
  });

  it('keeps the span of each field read', () => {
    const text = '.batch | {status, n: .runs[0].x} | ."quoted key" | .["b"]';
    const fields: string[] = [];
    const visit = (node: unknown): void => {
      if (!node || typeof node !== 'object') return;
      const value = node as JqNode;
      if (value.type === 'field') fields.push(text.slice(value.nameSpan.start, value.nameSpan.end));
      for (const child of Object.values(node)) {
        if (Array.isArray(child)) child.forEach(visit);
        else visit(child);
      }
    };
    visit(parseJq(text));
    expect(fields.sort()).toEqual(['."quoted key"', '.batch', '.runs', '.x', '"b"'].sort());
    expect(() => parseJq('.a | {b: .c // 1}')).toThrow(expect.objectContaining({ offset: 12 }));
  });

  describe.skipIf(!hasJq)('against the real jq', () => {
    it.each([...accepted, ...refused])('agrees with jq on %j', (filter) => expect(parses(filter)).toBe(jqCompiles(filter)));

    it('reads 150 random filters of the grammar as jq does, and refuses each one cut short where jq does', () => {
      const samples = fc.sample(randomFilter, { numRuns: 150, seed: 17 });
      const accepted = samples.filter(parses);
      expect(accepted.length).toBeGreaterThan(100);
      // What this parser accepts, jq compiles: in one run, each filter a function's body (`$v` given a value).
      const program = `${accepted.map((filter, index) => `def r${index}: ${filter}\n;`).join('\n')} 1`;
      if (spawnSync('jq', ['-n', '--argjson', 'v', '1', program], { input: '' }).status === 3) {
        // Name the filter jq refuses.
        for (const filter of accepted) expect(jqCompiles(filter), filter).toBe(true);
      }
      // What it refuses (the generator can write `1.c`), jq refuses too.
      for (const filter of samples.filter((sample) => !accepted.includes(sample))) expect(jqCompiles(filter), filter).toBe(false);
      // Cut short at a random place, some still parse and some do not: both readers must agree.
      const cuts = fc.sample(fc.tuple(fc.constantFrom(...samples), fc.double({ min: 0.2, max: 0.9, noNaN: true })), { numRuns: 40, seed: 18 });
      for (const [filter, share] of cuts) {
        const cut = filter.slice(0, Math.floor(filter.length * share));
        expect(parses(cut), cut).toBe(jqCompiles(cut));
      }
    });

    it('agrees with jq on every filter of this package', () => {
      const filters = [...new Set(skillFilters())];
      expect(filters.length).toBeGreaterThan(40);
      for (const filter of filters) expect(parses(filter), filter).toBe(true);
      // One jq run compiles them all, each as a function's body; one refusal would fail the whole program.
      expect(jqCompiles(`${filters.map((filter, index) => `def f${index}: ${filter}\n;`).join('\n')} 1`)).toBe(true);
    });
  });
});

/** Random filters from jq's grammar: terms, suffixes, operators, bindings, reduce, if, try, objects. */
const randomFilter = fc.letrec<{ filter: string; term: string }>((tie) => ({
  term: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom('.', '.a', '.b_2', '."k y"', '.[0]', '.[]', '..', '1', '"s"', '"\\(.x)"', 'null', 'true', '$v', 'length', 'keys', 'empty', '@csv'),
    tie('term').map((term) => (term.endsWith('.') ? `(${term}).c` : `${term}.c`)),
    tie('term').map((term) => `${term}[]`),
    // jq 1.6 reads `?` after a field or brackets as part of the term; after anything else, not (`[1]? as $x`).
    tie('term').map((term) => `${term}[]?`),
    fc.tuple(tie('term'), tie('filter')).map(([term, index]) => `${term}[${index}]`),
    tie('filter').map((filter) => `(${filter})`),
    tie('filter').map((filter) => `[${filter}]`),
    tie('filter').map((filter) => `select(${filter})`),
    fc.tuple(tie('filter'), tie('term')).map(([filter, term]) => `{a, "b": ${term}, (${filter} | tostring): 1, $v}`),
  ),
  filter: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    tie('term'),
    fc.tuple(tie('filter'), fc.constantFrom(' | ', ', ', ' // ', ' + ', ' * ', ' == ', ' and ', ' |= '), tie('filter')).map(([a, op, b]) => `${a}${op}${b}`),
    fc.tuple(tie('term'), tie('filter')).map(([term, body]) => `${term} as $w | ${body}`),
    tie('filter').map((body) => `def f(g): ${body}; f(.)`),
    // jq 1.6 and 1.7 read these as whole expressions, not terms: no suffix may follow them (jq 1.8 allows it).
    fc.tuple(tie('filter'), tie('filter')).map(([cond, then]) => `if ${cond} then ${then} else . end`),
    fc.tuple(tie('term'), tie('filter')).map(([term, update]) => `reduce ${term} as $x (0; ${update})`),
    tie('term').map((term) => `try ${term} catch .`),
  ),
})).filter;

/** The filter of every `jq` call in the package's pages. */
function skillFilters(): string[] {
  const filters: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir)) {
      const full = path.join(dir, entry);
      if (statSync(full).isDirectory()) walk(full);
      else if (entry.endsWith('.md')) {
        for (const command of extractShell(parseDocument(readSkillFile(full, full))).commands) {
          const call = readJqCall(command.words);
          if (call) filters.push(call.filter.value);
        }
      }
    }
  };
  walk(path.join(repoRoot, 'skills'));
  return filters;
}

// ---- the typer against jq on maximal answers

const loaded = loadCliSchema();

function branches(schema: JsonSchema, depth = 0): JsonSchema[] {
  let current = schema;
  for (let hops = 0; typeof current.$ref === 'string' && hops < 32; hops++) current = loaded.definitions[(current.$ref as string).replace(/^.*#\/definitions\//, '')] ?? {};
  const options = (current.anyOf ?? current.oneOf) as JsonSchema[] | undefined;
  return options && depth < 8 ? options.flatMap((option) => branches(option, depth + 1)) : [current];
}

const isObject = (schema: JsonSchema) => schema.type === 'object' || (schema.properties !== undefined && schema.type === undefined);
const isClosed = (schema: JsonSchema) => isObject(schema) && schema.properties !== undefined && schema.additionalProperties === false;

/** A value with every property of every branch, one element per array; null only where the schema says nothing else. */
function maximal(schema: JsonSchema, depth: number): unknown {
  const options = branches(schema);
  const objects = options.filter(isObject);
  if (objects.length > 0) {
    const value: Record<string, unknown> = {};
    if (depth > 5) return value;
    for (const option of objects) {
      for (const [key, property] of Object.entries((option.properties ?? {}) as Record<string, JsonSchema>)) {
        if (!(key in value)) value[key] = maximal(property, depth + 1);
      }
    }
    return value;
  }
  const array = options.find((option) => option.type === 'array');
  if (array) return depth > 5 || !array.items || Array.isArray(array.items) ? [] : [maximal(array.items as JsonSchema, depth + 1)];
  const first = options[0] ?? {};
  if (Array.isArray(first.enum)) return first.enum.find((member) => member !== null) ?? 'x';
  if (first.const !== undefined) return first.const;
  const types = ([] as unknown[]).concat(first.type ?? 'string').filter((type) => type !== 'null');
  if (types.length === 0) return null;
  return types[0] === 'number' || types[0] === 'integer' ? 1 : types[0] === 'boolean' ? true : 's';
}

/**
 * Paths into closed objects only (every step a key of a closed object, or `[]` of an array), each with the
 * misspelling typers must catch: a key that is not there.
 */
function pathsOf(schema: JsonSchema, prefix: string, depth: number, out: string[]): void {
  if (depth > 3 || out.length > 80) return;
  const options = branches(schema);
  const array = options.length === 1 && options[0].type === 'array' && options[0].items && !Array.isArray(options[0].items);
  if (array) {
    pathsOf(options[0].items as JsonSchema, `${prefix}[]`, depth + 1, out);
    return;
  }
  if (options.length !== 1 || !isClosed(options[0])) return;
  out.push(`${prefix}.zzNotAKey`);
  for (const [key, property] of Object.entries(options[0].properties as Record<string, JsonSchema>)) {
    const leaf = branches(property);
    if (leaf.every((option) => option.type === 'null')) continue;
    const step = /^[A-Za-z_][A-Za-z0-9_]*$/.test(key) ? `.${key}` : `.${JSON.stringify(key)}`;
    out.push(`${prefix}${step}`);
    pathsOf(property, `${prefix}${step}`, depth + 1, out);
  }
}

describe.skipIf(!hasJq)('jq path typer against the real jq', () => {
  const commands = loaded.commands.filter((command) => resultOf(command)?.kind === 'body' && /^(get|list)/.test(command.path[command.path.length - 1]));

  it('calls a path missing exactly when jq gives null for it on a maximal answer', () => {
    expect(commands.length).toBeGreaterThan(40);
    // A few jq runs: the input holds the maximal answers of a group of commands, the program reads each one's
    // paths (jq refuses a program past about 64 KB of bytecode, hence the groups).
    const cases = commands
      .map((command) => {
        const result = resultOf(command) as { schema: JsonSchema };
        const paths: string[] = [];
        pathsOf(result.schema, '', 0, paths);
        return { command, schema: result.schema, paths };
      })
      .filter((entry) => entry.paths.length > 0);
    const folder = mkdtempSync(path.join(tmpdir(), 'jq-paths-'));
    const nulls: boolean[][] = [];
    for (let first = 0; first < cases.length; first += 10) {
      const group = cases.slice(first, first + 10);
      const program = `[${group
        .map((entry, at) => `(.[${at}] | [${entry.paths.map((jqPath) => `(try ([${jqPath}] | any(. == null)) catch true)`).join(', ')}])`)
        .join(',\n')}]`;
      const programFile = path.join(folder, 'paths.jq');
      writeFileSync(programFile, program);
      const answers = JSON.stringify(group.map((entry) => maximal(entry.schema, 0)));
      nulls.push(...(JSON.parse(execFileSync('jq', ['-c', '-f', programFile], { input: answers, maxBuffer: 1 << 26 }).toString()) as boolean[][]));
    }
    rmSync(folder, { recursive: true, force: true });
    let compared = 0;
    cases.forEach((entry, at) => {
      entry.paths.forEach((jqPath, index) => {
        const findings = checkJqPaths(parseJq(jqPath), { schema: entry.schema, references: loaded, command: commandName(entry.command) });
        expect(findings.length > 0, `${commandName(entry.command)} ${jqPath}`).toBe(nulls[at][index]);
        compared++;
      });
    });
    expect(compared).toBeGreaterThan(500);
  });

  it('the filters of this package that it accepts run on a maximal answer without error', () => {
    const cases: [string, string][] = [
      ['orchestration batch get', '.batch | {status, runsCount, executedRunsCount, failedRunsCount, creditsUsedCount}'],
      ['orchestration tool list', '.tools[] | select(.name == "Company lookup") | .workflowUuid'],
      ['context graph get', '.graph | {nodes: (.nodes | length), edges: (.edges | length), broken: (.broken | length), computedAt}'],
      ['billing usage get-metrics', '[.metrics[].items[]] | group_by(.groupBy) | map({workflow: .[0].groupBy, credits: (map(.count) | add)})'],
    ];
    for (const [name, filter] of cases) {
      const command = loaded.commands.find((candidate) => commandName(candidate) === name)!;
      const result = resultOf(command) as { schema: JsonSchema };
      expect(checkJqPaths(parseJq(filter), { schema: result.schema, references: loaded, command: name })).toEqual([]);
      const out = execFileSync('jq', ['-c', `[${filter}] | map(select(. == null)) | length`], { input: JSON.stringify(maximal(result.schema, 0)) });
      expect(Number(out.toString())).toBe(0);
    }
  });
});

describe('checkJqPaths on references', () => {
  const references = { definitions: { Thing: { type: 'object', properties: { a: { type: 'string' } }, additionalProperties: false } } };
  const messages = (schema: JsonSchema) => checkJqPaths(parseJq('.x'), { schema, references, command: 'c' }).map((finding) => finding.message);

  it('follows a reference, alone or as a branch, to the schema it names', () => {
    expect(messages({ $ref: '#/definitions/Thing' })).toEqual(['`.x`: `c` prints `{a}`; did you mean `.a`?']);
    expect(messages({ anyOf: [{ $ref: '#/definitions/Thing' }] })).toEqual(['`.x`: `c` prints `{a}`; did you mean `.a`?']);
  });

  it('reads a reference it cannot resolve as any value, alone or beside another branch', () => {
    expect(messages({ $ref: '#/definitions/Missing' })).toEqual([]);
    expect(messages({ anyOf: [{ $ref: '#/definitions/Missing' }, { $ref: '#/definitions/Thing' }] })).toEqual([]);
  });
});
