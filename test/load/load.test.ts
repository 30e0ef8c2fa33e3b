// Reading one file (bytes → text, byte-order mark, binary content), finding the skill a path lies in, and
// sharing files out between threads.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { skillAt } from '../../scripts/core/skill-at.ts';
import type { Project, Skill } from '../../scripts/core/types.ts';
import { MAX_PARSE_BYTES, readSkillFile } from '../../scripts/load/files.ts';
import { takeJobs } from '../../scripts/engine/pool.ts';

const work = mkdtempSync(path.join(tmpdir(), 'skill-lint-load-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function fileWith(bytes: number[] | string): string {
  const file = path.join(work, `f${Math.random().toString(36).slice(2)}.md`);
  writeFileSync(file, typeof bytes === 'string' ? bytes : Buffer.from(bytes));
  return file;
}

describe('readSkillFile', () => {
  it('removes a byte-order mark and says it was there', () => {
    const read = readSkillFile(fileWith([0xef, 0xbb, 0xbf, 0x23, 0x20, 0x41]), work);
    expect(read).toMatchObject({ text: '# A', hadBom: true, binary: false });
  });

  it('reads plain UTF-8 as it is', () => {
    expect(readSkillFile(fileWith('# Héllo 🚀\n'), work)).toMatchObject({ text: '# Héllo 🚀\n', hadBom: false, binary: false });
  });

  it('reads an empty file, and a file near the size limit, whole', () => {
    expect(readSkillFile(fileWith(''), work)).toMatchObject({ text: '', size: 0, binary: false });
    const long = `${'# Section\n\nSome words ünïcode 🚀.\n'.repeat(20_000)}`;
    const read = readSkillFile(fileWith(long), work);
    expect(read.size).toBeGreaterThan(MAX_PARSE_BYTES / 2);
    expect(read.text).toBe(long);
    expect(read.size).toBe(Buffer.byteLength(long));
  });

  it.each([
    ['invalid UTF-8', [0x23, 0x20, 0xc3, 0x28]],
    ['a NUL byte', [0x23, 0x00, 0x41]],
  ])('marks %s as binary, with no text', (_name, bytes) => {
    expect(readSkillFile(fileWith(bytes), work)).toMatchObject({ text: '', binary: true });
  });
});

describe('skillAt', () => {
  const skill = (dir: string): Skill => ({ name: path.basename(dir), dir, files: [], doc: undefined as never });
  const outer = skill('/r/a');
  const inner = skill('/r/a/nested/b');
  const other = skill('/r/c');
  const project = { root: '/r', skills: [outer, inner, other], documents: new Map(), strayDirs: [], symlinks: [] } as Project;

  it('finds the outermost skill folder above a path', () => {
    expect(skillAt(project, '/r/a/references/x.md')).toBe(outer);
    expect(skillAt(project, '/r/a/nested/b/SKILL.md')).toBe(outer);
    expect(skillAt(project, '/r/c/SKILL.md')).toBe(other);
  });

  it('skips the skill it is told to, and finds none outside every skill', () => {
    expect(skillAt(project, '/r/a/nested/b/SKILL.md', outer)).toBe(inner);
    expect(skillAt(project, '/r/a/x.md', outer)).toBeUndefined();
    expect(skillAt(project, '/r/other.md')).toBeUndefined();
    expect(skillAt(project, '/r/ab/x.md')).toBeUndefined();
  });
});

describe('takeJobs', () => {
  it('hands each job to exactly one of the threads sharing the counter', () => {
    const jobs = Array.from({ length: 7 }, (_, index) => ({ path: `/f${index}.md` }));
    const next = new Int32Array(new SharedArrayBuffer(4));
    const first = takeJobs(jobs, next);
    const second = takeJobs(jobs, next);
    const taken: string[][] = [[], []];
    // Interleaved, as two threads would take them.
    for (let done = false; !done; ) {
      const a = first.next();
      const b = second.next();
      if (!a.done) taken[0].push(a.value.path);
      if (!b.done) taken[1].push(b.value.path);
      done = Boolean(a.done && b.done);
    }
    expect(taken[0].length).toBeGreaterThan(0);
    expect(taken[1].length).toBeGreaterThan(0);
    expect([...taken[0], ...taken[1]].sort()).toEqual(jobs.map((job) => job.path).sort());
  });
});
