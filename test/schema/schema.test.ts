// Facts the generated schema must hold, read from the API types and the seeds.
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { commandsOf, findCommand, loadCliSchema } from '../../scripts/schema/index.ts';
import type { DefinitionsFile } from '../../scripts/schema/model.ts';
import { readFileSync } from 'node:fs';
import { schemaPath } from '../../scripts/core/paths.ts';

const schema = loadCliSchema();
const command = (name: string) => {
  const found = findCommand(name.split(' '));
  if (!found) throw new Error(`no command ${name}`);
  return found;
};
const flag = (name: string, flagName: string) => command(name).flags.find((f) => f.name === flagName);

describe('cli-schema.json', () => {
  it('has every API domain, written as the CLI writes it', () => {
    expect(schema.domains).toEqual(
      expect.arrayContaining(['ai', 'billing', 'connection', 'content', 'context', 'hosting', 'orchestration', 'segmentation', 'storage', 'workspaceManagement']),
    );
    expect(schema.domains).not.toContain('getInitialisation');
  });

  it('maps methods to kebab-case actions, `all` to `list`', () => {
    expect(command('ai agent list').api).toBe('ai.agent.all');
    expect(command('storage model get-ddl').api).toBe('storage.model.getDdl');
    expect(command('orchestration run download-outputs').api).toBe('orchestration.run.downloadOutputs');
    expect(command('orchestration draft-release get').api).toBe('orchestration.draftRelease.get');
    expect(command('ai mcp-server list').api).toBe('ai.mcpServer.all');
    expect(findCommand(['orchestration', 'run', 'all'])).toBeUndefined();
  });

  it('takes `(uuid: string)` as a required positional', () => {
    for (const name of ['orchestration run get', 'orchestration batch get', 'orchestration release get', 'storage model get-ddl', 'segmentation segment remove']) {
      expect(command(name).positionals).toEqual([expect.objectContaining({ name: 'uuid', type: 'string', required: true })]);
      expect(command(name).flags).toEqual([]);
    }
  });

  it('types flags from payload fields', () => {
    expect(flag('orchestration run count', 'is-finished')).toMatchObject({ type: 'switch', required: false, field: 'isFinished' });
    expect(flag('orchestration run count', 'created-after')).toMatchObject({ type: 'string', field: 'createdAfter' });
    expect(flag('orchestration run count', 'statuses')).toMatchObject({ type: 'list', items: { type: 'enum', values: expect.arrayContaining(['error', 'success']) } });
    expect(flag('orchestration run cancel', 'uuids')).toMatchObject({ type: 'list', items: { type: 'string' } });
    expect(flag('orchestration run download-outputs', 'format')).toMatchObject({ type: 'enum', values: ['csv', 'json'] });
    expect(flag('segmentation segment fetch', 'fetching-limit')).toMatchObject({ type: 'number', required: false });
    expect(flag('segmentation segment fetch', 'model-uuid')).toMatchObject({ type: 'string', required: true });
    expect(flag('segmentation segment fetch', 'filter')).toMatchObject({ type: 'json', required: true });
    expect(flag('orchestration batch create', 'data')?.schema).toMatchObject({ discriminator: { propertyName: 'kind' } });
  });

  it('makes every flag optional when the payload parameter is optional', () => {
    expect(command('orchestration play list').flags.every((f) => !f.required)).toBe(true);
  });

  it('offers the fields of every member of a union payload, required only when all require them', () => {
    expect(flag('orchestration run cancel', 'workflow-uuid')?.required).toBe(true);
    expect(flag('orchestration run cancel', 'uuids')?.required).toBe(false);
    expect(flag('orchestration run cancel', 'batch-uuid')?.required).toBe(false);
  });

  it('has the CLI-only surface', () => {
    expect(command('login').flags.map((f) => f.name)).toEqual(['oauth', 'token', 'workspace-uuid']);
    expect(command('whoami').api).toBeUndefined();
    expect([...schema.globalFlags.keys()].sort()).toEqual(['help', 'version']);
    for (const name of ['orchestration action execute', 'orchestration action execute-batch', 'orchestration run create', 'orchestration batch create', 'ai message create']) {
      expect(flag(name, 'wait-until-finished')?.type).toBe('switch');
    }
  });

  it('uses kebab-case, unique names in every command', () => {
    for (const spec of schema.commands) {
      const names = [...spec.flags.map((f) => f.name), ...spec.positionals.map((p) => `<${p.name}>`)];
      expect(new Set(names).size).toBe(names.length);
      for (const name of spec.flags.map((f) => f.name)) expect(name).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
      for (const word of spec.path.slice(1)) expect(word).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
    }
  });

  it('spells the segment filter `conjonction`, at both levels', () => {
    const definitions = (JSON.parse(readFileSync(schemaPath('cli-json-definitions.json'), 'utf8')) as DefinitionsFile).definitions;
    const filter = JSON.stringify(definitions);
    expect(filter).toContain('"conjonction"');
    expect(filter).not.toContain('"conjunction"');
    const result = schema.json.check(flag('segmentation segment fetch', 'filter')!.schema!, '{"conjonction":"and","groups":[{"conjonction":"or","conditions":[]}]}');
    expect(result.ok).toBe(true);
  });

  it('gives every JSON flag a schema ajv compiles, and the definitions are valid draft-07', () => {
    const definitions = JSON.parse(readFileSync(schemaPath('cli-json-definitions.json'), 'utf8')) as DefinitionsFile;
    const ajv = new Ajv({ strict: false, discriminator: true });
    expect(ajv.validateSchema({ ...definitions, $schema: undefined })).toBe(true);
    let count = 0;
    for (const spec of schema.commands) {
      for (const f of spec.flags.filter((candidate) => candidate.type === 'json')) {
        expect(f.schema).toBeDefined();
        // The checker compiles without meta-schema validation: it happens here instead.
        expect(ajv.validateSchema(f.schema!)).toBe(true);
        expect(() => schema.json.validator(f.schema!)).not.toThrow();
        count++;
      }
    }
    expect(count).toBeGreaterThan(50);
  });

  it('groups commands by domain for the reference pages', () => {
    expect(commandsOf('orchestration').every((spec) => spec.path[0] === 'orchestration')).toBe(true);
    expect(commandsOf('hosting').map((spec) => spec.path.join(' '))).toContain('hosting app init');
  });
});
