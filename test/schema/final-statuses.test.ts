// schemas/final-statuses.json cannot drift from the status enums of the result schemas: every definition
// with a `status` enum is classified, and every member of a polled object's enum is final or not, once.
import { describe, expect, it } from 'vitest';
import { loadFinalStatusTable, statusEnumOf, statusObjects, statusOwnersAt, statusOwnersIn } from '../../scripts/schema/final-statuses.ts';
import { findCommand, loadCliSchema } from '../../scripts/schema/index.ts';
import { resultOf } from '../../scripts/schema/results.ts';
import type { JsonSchema } from '../../scripts/schema/model.ts';

const { definitions } = loadCliSchema();
const table = loadFinalStatusTable();
const withStatus = Object.entries(definitions)
  .map(([name, schema]) => ({ name, members: statusEnumOf(schema) }))
  .filter((entry): entry is { name: string; members: string[] } => entry.members !== undefined);

/** What is wrong with the table's entry for a definition whose status enum has `members`. */
function problemsOf(name: string, members: string[]): string[] {
  const polled = table.polled[name];
  if (!polled) return typeof table.notPolled[name] === 'string' ? [] : [`${name} has a status enum: list it under polled or notPolled`];
  const final = Object.keys(polled.final);
  const notFinal = Object.keys(polled.notFinal);
  const problems: string[] = [];
  for (const member of members) if (!final.includes(member) && !notFinal.includes(member)) problems.push(`\`${member}\` of ${name} is not classified`);
  for (const member of [...final, ...notFinal]) if (!members.includes(member)) problems.push(`\`${member}\` is not a member of ${name}`);
  for (const member of final) if (notFinal.includes(member)) problems.push(`\`${member}\` is both final and not`);
  if (final.length === 0) problems.push(`${name} has no final status`);
  for (const [member, reason] of Object.entries({ ...polled.final, ...polled.notFinal })) if (reason.length < 6) problems.push(`\`${member}\` has no reason`);
  return problems;
}

describe('final statuses table', () => {
  it('finds the status enums of the result schemas', () => {
    expect(withStatus.map((entry) => entry.name)).toEqual(expect.arrayContaining(['Orchestration.Run', 'Orchestration.Batch', 'Ai.Message']));
  });

  it.each(withStatus)('classifies $name', ({ name, members }) => {
    expect(problemsOf(name, members)).toEqual([]);
  });

  it('names only definitions that have a status enum', () => {
    const names = new Set(withStatus.map((entry) => entry.name));
    for (const name of [...Object.keys(table.polled), ...Object.keys(table.notPolled)]) expect(names.has(name), name).toBe(true);
  });

  it('fails when a member is added to an enum, or one is classified twice', () => {
    const members = statusEnumOf(definitions['Orchestration.Batch'])!;
    expect(problemsOf('Orchestration.Batch', [...members, 'paused'])).toEqual(['`paused` of Orchestration.Batch is not classified']);
    expect(problemsOf('Orchestration.Batch', members.filter((member) => member !== 'syncing'))).toEqual(['`syncing` is not a member of Orchestration.Batch']);
    expect(problemsOf('Orchestration.Paused', ['a'])).toEqual(['Orchestration.Paused has a status enum: list it under polled or notPolled']);
  });

  it('tells which object a path of an answer holds the status of', () => {
    const schemaOf = (words: string) => (resultOf(findCommand(words.split(' '))!) as { schema: JsonSchema }).schema;
    expect(statusOwnersAt(schemaOf('orchestration batch get'), ['batch', 'status']).map((object) => object.definition)).toEqual(['Orchestration.Batch']);
    expect(statusOwnersAt(schemaOf('orchestration run get'), ['run', 'status']).map((object) => object.definition)).toEqual(['Orchestration.Run']);
    expect(statusOwnersAt(schemaOf('orchestration batch get'), ['status'])).toEqual([]);
    expect(statusOwnersIn(schemaOf('ai message get')).map((object) => object.definition)).toEqual(['Ai.Message']);
    expect(statusObjects().every((object) => object.nouns.length > 0)).toBe(true);
  });
});
