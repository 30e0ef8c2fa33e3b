// Documentation JSON: parsing with positions, placeholders and elisions, and the checker's messages.
import { describe, expect, it } from 'vitest';
import { displayPath, parseDocJson } from '../../scripts/parse/doc-json.ts';
import { findCommand, loadCliSchema } from '../../scripts/schema/index.ts';

const schema = loadCliSchema();
const flagSchema = (command: string, flag: string) => findCommand(command.split(' '))!.flags.find((f) => f.name === flag)!.schema!;
const filter = flagSchema('segmentation segment fetch', 'filter');
const batchData = flagSchema('orchestration batch create', 'data');

describe('parseDocJson', () => {
  it('parses strict JSON and records where each value and key is', () => {
    const text = '{"a": [1, {"b": "x"}], "c": null}';
    const parsed = parseDocJson(text);
    if (!parsed.ok) throw new Error(parsed.message);
    expect(parsed.value).toEqual({ a: [1, { b: 'x' }], c: null });
    const b = parsed.locations.get('/a/1/b')!;
    expect(text.slice(b.start, b.end)).toBe('"x"');
    expect(text.slice(b.keyStart!, b.keyStart! + 3)).toBe('"b"');
    expect(text.slice(parsed.locations.get('/a')!.start, parsed.locations.get('/a')!.end)).toBe('[1, {"b": "x"}]');
  });

  it('reads bare placeholders as values and `...` as elisions', () => {
    const parsed = parseDocJson('{"limit": <limit>, "items": [{...}, ...], ...}');
    if (!parsed.ok) throw new Error(parsed.message);
    expect(parsed.value).toEqual({ limit: '<limit>', items: [{}] });
    expect([...parsed.partial].sort()).toEqual(['', '/items', '/items/0']);
  });

  it('keeps a key named __proto__ as data, as JSON.parse does', () => {
    const text = '{"__proto__": {"polluted": true}, "a": 1}';
    const parsed = parseDocJson(text);
    if (!parsed.ok) throw new Error(parsed.message);
    const value = parsed.value as Record<string, unknown>;
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.keys(value)).toEqual(['__proto__', 'a']);
    expect(Object.getOwnPropertyDescriptor(value, '__proto__')?.value).toEqual({ polluted: true });
    expect(JSON.stringify(value)).toBe(JSON.stringify(JSON.parse(text)));
  });

  it('reports the first syntax error with its offset', () => {
    expect(parseDocJson('{"a": 1,}')).toEqual({ ok: false, offset: 7, message: 'trailing comma' });
    expect(parseDocJson("{'a': 1}")).toMatchObject({ ok: false, offset: 1, message: 'keys need double quotes' });
    expect(parseDocJson('{"a": tru}')).toMatchObject({ ok: false, offset: 6 });
    expect(parseDocJson('[1, 2')).toMatchObject({ ok: false, message: 'array never closed' });
    expect(parseDocJson('{"a": "x\n"}')).toMatchObject({ ok: false, message: 'line break inside a string' });
    expect(parseDocJson('{} x')).toMatchObject({ ok: false, offset: 3 });
    expect(parseDocJson('['.repeat(100000))).toMatchObject({ ok: false, message: 'JSON nested too deeply' });
  });

  it('writes JSON paths for messages', () => {
    expect(displayPath('')).toBe('(root)');
    expect(displayPath('/groups/0/conditions/1/kind')).toBe('groups[0].conditions[1].kind');
    expect(displayPath('/a~1b/x y')).toBe('["a/b"]["x y"]');
  });
});

describe('JsonChecker', () => {
  it('accepts placeholders wherever a value goes, whatever the schema there', () => {
    for (const text of [
      '"<filter-json>"',
      '{"conjonction": "<and-or>", "groups": "..."}',
      '{"conjonction": "and", "groups": [<group>]}',
      '{"conjonction": "and", "groups": [{"conjonction": "or", "conditions": [{"kind": "<kind>", "columnSlug": "x"}]}]}',
    ]) {
      expect(schema.json.check(filter, text), text).toMatchObject({ ok: true });
    }
    expect(schema.json.check(batchData, '{"kind": "filter", "modelUuid": "<uuid>", "limit": <limit>, "filter": "..."}')).toMatchObject({ ok: true });
  });

  it('gives the same value and locations for valid strict JSON as for documentation JSON', () => {
    const strict = '{"conjonction": "and", "groups": [{"conjonction": "or", "conditions": []}]}';
    const checked = schema.json.check(filter, strict);
    const parsed = parseDocJson(strict);
    expect(checked.ok && parsed.ok).toBe(true);
    if (!checked.ok || !parsed.ok) return;
    expect(checked.value).toEqual(JSON.parse(strict));
    expect(checked.locations).toEqual(parsed.locations);
    expect(checked.locations.get('/groups/0/conjonction')).toMatchObject({ start: strict.indexOf('"or"') });
  });

  it('names the JSON path, points at the key, and hints the spelling', () => {
    const text = '{"conjonction": "and", "groups": [{"conjunction": "or", "conditions": []}]}';
    const result = schema.json.check(filter, text);
    if (result.ok || !('problems' in result)) throw new Error('expected problems');
    expect(result.problems).toHaveLength(1);
    const [problem] = result.problems;
    expect(problem.path).toBe('groups[0].conjunction');
    expect(problem.message).toBe('unknown key `conjunction` in groups[0]');
    expect(problem.hint).toBe('did you mean `conjonction`?');
    expect(text.slice(problem.start, problem.end)).toBe('"conjunction"');
  });

  it('checks the member a tag selects, and lists the tags when it is wrong', () => {
    const wrongField = schema.json.check(batchData, '{"kind": "segment", "segmentId": "x"}');
    expect(wrongField).toMatchObject({ ok: false, problems: [{ message: 'unknown key `segmentId` in the object', hint: 'did you mean `segmentUuid`?' }] });
    const wrongTag = schema.json.check(batchData, '{"kind": "segments", "segmentUuid": "x"}');
    expect(wrongTag).toMatchObject({ ok: false, problems: [{ path: 'kind', hint: 'did you mean `segment`?' }] });
    if (wrongTag.ok || !('problems' in wrongTag)) throw new Error('expected problems');
    expect(wrongTag.problems[0].message).toMatch(/not one of: segment, change, file, filter, runs, recordIds, records, schedule, form/);
  });

  it('describes type and value errors', () => {
    const notArray = schema.json.check(filter, '{"conjonction": "and", "groups": "x"}');
    expect(notArray).toMatchObject({ ok: false, problems: [{ message: 'groups must be an array, not a string' }] });
    const badEnum = schema.json.check(filter, '{"conjonction": "xor", "groups": []}');
    expect(badEnum).toMatchObject({ ok: false, problems: [{ path: 'conjonction', message: 'conjonction is `xor`, not one of: and, or' }] });
  });

  it('enforces required keys unless the object is elided', () => {
    expect(schema.json.check(batchData, '{"kind": "segment"}')).toMatchObject({ ok: false, problems: [{ message: 'the object is missing the required key `segmentUuid`' }] });
    expect(schema.json.check(batchData, '{"kind": "segment", ...}')).toMatchObject({ ok: true });
  });

  it('reports syntax errors with their offset', () => {
    expect(schema.json.check(filter, '{"conjonction": "and" "groups": []}')).toEqual({ ok: false, syntax: { offset: 22, message: 'expected `,` or `}`' } });
  });
});
