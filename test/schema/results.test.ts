import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findCommand } from '../../scripts/schema/index.ts';
import { type BodyResult, errorReasonsOf, keepsNullAt, propertyNames, resolveSchema, resultOf, walkSchema } from '../../scripts/schema/results.ts';
import { readApiSource } from '../../scripts/schema-gen/api-source.ts';

const command = (words: string) => {
  const found = findCommand(words.split(' '));
  if (!found) throw new Error(`no command ${words}`);
  return found;
};
const body = (words: string): BodyResult => {
  const result = resultOf(command(words));
  if (result?.kind !== 'body') throw new Error(`${words} prints no body`);
  return result;
};

describe('result schemas of the pinned @cargo-ai/api', () => {
  it('wraps `batch get` in `{ batch }`, as GetBatchResult does', () => {
    const schema = resolveSchema(body('orchestration batch get').schema);
    expect(schema.required).toEqual(['batch']);
    expect(propertyNames(schema)).toEqual(['batch']);
    const status = walkSchema(schema, ['batch', 'status']);
    expect(status.kind).toBe('found');
    expect(walkSchema(schema, ['status'])).toEqual({ kind: 'missing', at: 0, keys: ['batch'] });
  });

  it('stops at free-form maps (runContext) and walks into arrays', () => {
    const run = body('orchestration run get');
    expect(walkSchema(run.schema, ['runContext', 'anything', 'below'])).toEqual({ kind: 'free', at: 1 });
    expect(walkSchema(run.schema, ['run', 'executions', 0]).kind).toBe('found');
    expect(walkSchema(run.schema, ['run', 'uuid', 0]).kind).toBe('missing');
  });

  it('reads null handling from the client: stripped by default, kept where replaceNullByUndefined is false', () => {
    expect(body('orchestration batch get').keepsNulls).toBe(false);
    expect(body('ai message list').keepsNulls).toBe(true);
    expect(body('ai message list').nullsKeptAt).toBeUndefined();
    expect(body('orchestration run get').nullsKeptAt).toEqual(['runComputedConfigs', 'runContext']);
    expect(body('orchestration release list').nullsKeptAt).toEqual(['releases[].testRecords']);
    expect(keepsNullAt(body('orchestration release list'), ['releases', 0, 'testRecords', 0])).toBe(true);
    expect(keepsNullAt(body('orchestration release list'), ['releases', 0, 'description'])).toBe(false);
    expect(keepsNullAt(body('ai message list'), ['messages', 0, 'anything'])).toBe(true);
    expect(keepsNullAt(body('orchestration batch get'), ['batch', 'errorMessage'])).toBe(false);
  });

  it('tells commands without a body and those the types cannot describe', () => {
    expect(resultOf(command('orchestration play remove'))).toEqual({ kind: 'none' });
    expect(resultOf(command('workspaceManagement file upload'))?.kind).toBe('unknown');
    expect(resultOf(command('content file read-bytes'))?.kind).toBe('unknown');
    expect(resultOf(command('whoami'))).toBeUndefined();
  });

  it('lists the error reasons each method raises', () => {
    expect(errorReasonsOf(command('orchestration action execute'))).toContain('notEnoughCredits');
    expect(errorReasonsOf(command('orchestration play get'))).toEqual(['playNotFound']);
    expect(errorReasonsOf(command('orchestration batch get'))).toEqual([]);
    expect(errorReasonsOf(command('login'))).toBeUndefined();
    // Declared by the domain as the endpoint's failure reasons, though the client does not map them.
    expect(errorReasonsOf(command('domainManagement domain purchase'))).toContain('domainNotAvailable');
  });
});

describe('readApiSource', () => {
  // A client of the same build layout, small enough to know every answer.
  const client = {
    'index.js': `import { buildThingApi } from "./thing/index.js";\nexport const build = ({ fetcher }) => ({ thing: buildThingApi({ fetcher }) });\n`,
    'thing/index.js': `export const buildThingApi = ({ fetcher }) => {
    async function getThing(uuid) {
        try {
            const result = await fetcher.fetch({ method: "get", endpoint: "/t", replaceNullByUndefined: false });
            return { ...nullToUndefined(result), thing: { ...nullToUndefined(result.thing), raw: result.thing.raw }, rows: result.rows.map((row) => ({ ...nullToUndefined(row), cells: row.cells })) };
        } catch (error) {
            throw getErrorWithReasonErrorMessage(error, Thing.zodReason, { thingNotFound: "Not found.", aLocked: "Locked." });
        }
    }
    async function listThings() {
        const result = await fetcher.fetch({ method: "get", endpoint: "/t/list", replaceNullByUndefined: false });
        return result;
    }
    async function removeThing(uuid) {
        await fetcher.fetch({ method: "delete", endpoint: "/t" });
        return helper(uuid);
    }
    async function helper(uuid) {
        throw getErrorWithReasonErrorMessage(uuid, Thing.zodReason, { inUse: "In use." });
    }
    return { item: { get: getThing, all: listThings, remove: removeThing } };
};
`,
  };

  it('reads reasons (through sibling calls and declared failure reasons), kept nulls and their paths', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'api-source-'));
    try {
      const dir = path.join(root, 'node_modules/@cargo-ai/api/build/src/api');
      for (const [file, text] of Object.entries(client)) {
        mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
        writeFileSync(path.join(dir, file), text);
      }
      const domains = path.join(root, 'node_modules/@cargo-ai/api/build/src/domains');
      mkdirSync(domains, { recursive: true });
      writeFileSync(path.join(domains, 'thing.d.ts'), 'export declare namespace Thing {\n  /** Sent by the server, not named by the client. */\n  type RemoveThingFailureReason = "thingLocked" | "inUse";\n}\n');
      const methods = readApiSource(root);
      expect(Object.fromEntries(methods)).toEqual({
        'thing.item.get': { errorReasons: ['aLocked', 'thingNotFound'], keepsNulls: true, nullsKeptAt: ['rows[].cells', 'thing.raw'] },
        'thing.item.all': { errorReasons: [], keepsNulls: true },
        'thing.item.remove': { errorReasons: ['inUse', 'thingLocked'], keepsNulls: false },
      });
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
