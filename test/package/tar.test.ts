// The ustar writer: exact header fields, long paths through the prefix field, and what cannot be stored.
import { execa } from 'execa';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ustarPath } from '../../scripts/extract/shipped-files.ts';
import { tar, tarGz } from '../../scripts/commands/package/tar.ts';
import { readArchive } from './helpers.ts';

async function names(archive: Buffer): Promise<{ name: string; data: string }[]> {
  return (await readArchive(archive)).map((entry) => ({ name: entry.name, data: entry.data.toString() }));
}

describe('ustar writer', () => {
  it('writes a valid checksum, the ustar magic and zero padding to whole blocks', () => {
    const archive = tar([{ path: 'SKILL.md', data: Buffer.from('hello') }]);
    expect(archive.length).toBe(512 + 512 + 1024);
    const header = archive.subarray(0, 512);
    expect(header.subarray(257, 265).toString('latin1')).toBe('ustar\u000000');
    const stored = parseInt(header.subarray(148, 154).toString(), 8);
    const blanked = Buffer.from(header);
    blanked.fill(0x20, 148, 156);
    expect(stored).toBe(blanked.reduce((sum, byte) => sum + byte, 0));
    expect(archive.subarray(512 + 5, 1024).every((byte) => byte === 0)).toBe(true);
  });

  it('splits long paths into prefix and name, read back whole', async () => {
    const deep = `references/${'d'.repeat(60)}/${'e'.repeat(60)}/page.md`;
    expect(ustarPath(deep)).toEqual({ prefix: `references/${'d'.repeat(60)}/${'e'.repeat(60)}`, name: 'page.md' });
    const archive = tar([
      { path: deep, data: Buffer.from('deep') },
      { path: 'SKILL.md', data: Buffer.from('top') },
    ]);
    expect(await names(archive)).toEqual([
      { name: 'SKILL.md', data: 'top' },
      { name: deep, data: 'deep' },
    ]);
  });

  it('refuses a path that no ustar split can hold', () => {
    expect(ustarPath(`references/${'n'.repeat(101)}.md`)).toMatchObject({ error: expect.stringMatching(/at most/) });
    expect(ustarPath(`${'p'.repeat(160)}/x.md`)).toMatchObject({ error: expect.stringMatching(/at most/) });
  });

  it('is read by the system tar as plain files owned by 0:0', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'ustar-'));
    try {
      const file = path.join(dir, 'a.tar.gz');
      writeFileSync(file, tarGz([{ path: 'SKILL.md', data: Buffer.from('x') }, { path: 'run.sh', data: Buffer.from('y'), executable: true }]));
      const listed = await execa('tar', ['--numeric-owner', '-tvzf', file]);
      expect(listed.stdout.split('\n').map((line) => line.split(/\s+/).slice(0, 2).join(' ') + ' ' + line.split(/\s+/).pop())).toEqual(['-rw-r--r-- 0/0 SKILL.md', '-rwxr-xr-x 0/0 run.sh']);
      expect(readFileSync(file).subarray(0, 2)).toEqual(Buffer.from([0x1f, 0x8b]));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
