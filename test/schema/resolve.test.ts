import { describe, expect, it } from 'vitest';
import { findFlag, resolveCommand } from '../../scripts/schema/index.ts';
import { didYouMean, nearest } from '../../scripts/schema/suggest.ts';

describe('resolveCommand', () => {
  it('consumes the command words and stops at positionals and flags', () => {
    expect(resolveCommand(['orchestration', 'run', 'get', '<uuid>'])).toMatchObject({ ok: true, consumed: 3, command: { api: 'orchestration.run.get' } });
    expect(resolveCommand(['whoami'])).toMatchObject({ ok: true, consumed: 1 });
    expect(resolveCommand(['login', '--oauth'])).toMatchObject({ ok: true, consumed: 1 });
  });

  it('says which level is unknown, with the nearest spellings', () => {
    expect(resolveCommand(['orchestraton', 'run', 'list'])).toMatchObject({ ok: false, reason: 'unknown', level: 'domain', index: 0, suggestions: ['orchestration'] });
    expect(resolveCommand(['orchestration', 'runs', 'list'])).toMatchObject({ ok: false, level: 'resource', index: 1, suggestions: expect.arrayContaining(['run']) });
    const camel = resolveCommand(['storage', 'model', 'getDdl']);
    expect(camel).toMatchObject({ ok: false, level: 'action', index: 2 });
    if (!camel.ok) expect(camel.suggestions[0]).toBe('get-ddl');
    expect(resolveCommand(['workspace-management', 'report', 'create'])).toMatchObject({ ok: false, level: 'domain', suggestions: ['workspaceManagement'] });
  });

  it('reports a command cut short, with the words that may follow', () => {
    const result = resolveCommand(['orchestration', 'run', '--help']);
    expect(result).toMatchObject({ ok: false, reason: 'incomplete', level: 'action', index: 1 });
    if (!result.ok) expect(result.valid).toEqual(expect.arrayContaining(['create', 'get', 'list']));
  });

  it('finds command and global flags', () => {
    const resolved = resolveCommand(['orchestration', 'run', 'count']);
    if (!resolved.ok) throw new Error('unresolved');
    expect(findFlag(resolved.command, 'statuses')?.type).toBe('list');
    expect(findFlag(resolved.command, 'help')?.type).toBe('switch');
    expect(findFlag(resolved.command, 'nope')).toBeUndefined();
  });
});

describe('suggestions', () => {
  it('ignores case and separators, allows small typos and prefixes', () => {
    expect(nearest('conjunction', ['conjonction', 'groups'])).toEqual(['conjonction']);
    expect(nearest('workflow', ['workflow-uuid', 'batch-uuid'])).toEqual(['workflow-uuid']);
    expect(nearest('zzz', ['conjonction'])).toEqual([]);
    expect(didYouMean('sucess', ['success', 'error'])).toBe('did you mean `success`?');
    expect(didYouMean('x', ['a', 'b'])).toBe('did you mean `a` or `b`?');
  });
});
