// Publishing a package: a reader never finds the output missing or mixed, a run killed at any step leaves
// the old package or the new one, the next run removes what killed runs left, overlapping runs take turns,
// modes suit a web server running as another user, and system errors read as sentences.
import { execa, type ResultPromise } from 'execa';
import { lstatSync, mkdirSync, mkdtempSync, readdirSync, readlinkSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { publish, PublishError, type PublishStep } from '../../scripts/commands/package/publish.ts';
import { readLabel, writeLabelled } from './labelled-package.ts';

const child = path.join(import.meta.dirname, 'publish-child.ts');
const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function workDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'skill-publish-'));
  made.push(dir);
  return dir;
}

function start(out: string, label: string, pause = 'none', lockTimeoutMs?: number): ResultPromise<{ reject: false; buffer: true }> {
  return execa('node', ['--import', 'tsx', child, out, label, pause, ...(lockTimeoutMs ? [String(lockTimeoutMs)] : [])], { reject: false, buffer: true });
}

/** Starts a run that stops at `step`, and resolves once it is there (wrapped: a returned process would be awaited). */
async function stoppedAt(out: string, label: string, step: PublishStep) {
  const run = start(out, label, step);
  await new Promise<void>((resolve, reject) => {
    let seen = '';
    run.stdout!.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      if (seen.includes(`paused ${step}`)) resolve();
    });
    run.then((result) => reject(new Error(`the run ended before ${step}: ${result.stderr}`)), reject);
  });
  return { run };
}

/** Beside the output: only the output and its versions folder, holding the one version it links to. */
function expectNoLeftovers(dir: string): void {
  expect(readdirSync(dir).sort()).toEqual(['.dist.versions', 'dist']);
  expect(readdirSync(path.join(dir, '.dist.versions'))).toEqual([path.basename(readlinkSync(path.join(dir, 'dist')))]);
}

describe('publish', () => {
  it('switches the output link to a new complete version and keeps nothing else', async () => {
    const dir = workDir();
    const out = path.join(dir, 'dist');
    await publish(out, (build) => writeLabelled(build, 'one'));
    expect(lstatSync(out).isSymbolicLink()).toBe(true);
    expect(readLabel(out)).toBe('one');
    await publish(out, (build) => writeLabelled(build, 'two'));
    expect(readLabel(out)).toBe('two');
    expectNoLeftovers(dir);
  });

  // Before the switch the old package stays; from the switch on, the new one.
  const steps: [PublishStep, string][] = [
    ['locked', 'old'],
    ['built', 'old'],
    ['completed', 'old'],
    ['linked', 'old'],
    ['switched', 'new'],
  ];
  it.each(steps)('a run killed at %s leaves the %s package whole, and the next run removes its leftovers', async (step, expected) => {
    const dir = workDir();
    const out = path.join(dir, 'dist');
    await publish(out, (build) => writeLabelled(build, 'old'));
    const { run } = await stoppedAt(out, 'new', step);
    // A reader while the run stands still, then after the kill.
    expect(readLabel(out)).toBe(expected);
    run.kill('SIGKILL');
    await run;
    expect(readLabel(out)).toBe(expected);
    // The killed run's lock is found dead: the next run neither waits for it nor fails.
    const next = await start(out, 'next');
    expect(next.stdout).toBe('done');
    expect(readLabel(out)).toBe('next');
    expectNoLeftovers(dir);
  });

  it('moves a real output folder of the earlier layout aside; a kill in that moment is repaired by the next run', async () => {
    const dir = workDir();
    const out = path.join(dir, 'dist');
    mkdirSync(out);
    writeLabelled(out, 'old');
    // What killed runs of the earlier layout left beside it.
    mkdirSync(path.join(dir, '.dist.tmp-abc123'));
    mkdirSync(path.join(dir, '.dist.old-def456/previous'), { recursive: true });
    const { run } = await stoppedAt(out, 'new', 'migrated');
    run.kill('SIGKILL');
    await run;
    // The one moment without an output: the next run first links the newest complete version back.
    const { run: repairing } = await stoppedAt(out, 'newer', 'built');
    expect(readLabel(out)).toBe('new');
    repairing.kill('SIGKILL');
    await repairing;
    expect((await start(out, 'last')).stdout).toBe('done');
    expect(readLabel(out)).toBe('last');
    expectNoLeftovers(dir);

    // Without a kill, the folder simply becomes a link.
    const plain = workDir();
    mkdirSync(path.join(plain, 'dist'));
    writeLabelled(path.join(plain, 'dist'), 'old');
    await publish(path.join(plain, 'dist'), (build) => writeLabelled(build, 'new'));
    expect(readLabel(path.join(plain, 'dist'))).toBe('new');
    expectNoLeftovers(plain);
  });

  it('lets overlapping runs take turns: both finish, one whole package remains', async () => {
    const dir = workDir();
    const out = path.join(dir, 'dist');
    await publish(out, (build) => writeLabelled(build, 'old'));
    const runs = await Promise.all(['a', 'b', 'c'].map((label) => start(out, label)));
    for (const run of runs) {
      expect(run.stderr).toBe('');
      expect(run.stdout).toMatch(/done$/);
    }
    expect(['a', 'b', 'c']).toContain(readLabel(out));
    expectNoLeftovers(dir);
  });

  it('waits for a live run, and after the timeout stops with one line', async () => {
    const dir = workDir();
    const out = path.join(dir, 'dist');
    const { run: holder } = await stoppedAt(out, 'holder', 'locked');
    try {
      const waiting = await start(out, 'waiter', 'none', 1500);
      expect(waiting.exitCode).toBe(2);
      expect(waiting.stdout).toBe('waiting');
      expect(waiting.stderr).toBe(`another package run (process ${holder.pid}) is still writing dist after 2 s; try again when it has finished`);
    } finally {
      holder.kill('SIGKILL');
      await holder;
    }
  });

  it('makes folders 0755 and files 0644 whatever the umask, so a web server as another user can read them', async () => {
    const dir = workDir();
    const out = path.join(dir, 'dist');
    const umask = process.umask(0o077);
    try {
      await publish(out, (build) => {
        writeLabelled(build, 'modes');
        writeFileSync(path.join(build, 'run.sh'), '#!/bin/sh\n', { mode: 0o700 });
      });
    } finally {
      process.umask(umask);
    }
    const mode = (file: string) => statSync(file).mode & 0o777;
    expect(mode(path.join(dir, '.dist.versions'))).toBe(0o755);
    expect(mode(out)).toBe(0o755);
    expect(mode(path.join(out, 'part-0'))).toBe(0o755);
    expect(mode(path.join(out, 'part-0/file.txt'))).toBe(0o644);
    expect(mode(path.join(out, 'catalog.json'))).toBe(0o644);
    expect(mode(path.join(out, 'run.sh'))).toBe(0o755);
  });

  it('reports a system error as a sentence naming the path, not an errno message', async () => {
    const dir = workDir();
    writeFileSync(path.join(dir, 'file'), 'not a folder');
    const failure = publish(path.join(dir, 'file/dist'), (build) => writeLabelled(build, 'x'));
    await expect(failure).rejects.toThrow(PublishError);
    await expect(failure).rejects.toThrow(new RegExp(`^cannot write the package at ${dir}/file/dist: ${dir}/file[^ ]* is in the way \\(a file where a folder should be\\)$`));
    const readOnly = workDir();
    mkdirSync(path.join(readOnly, 'locked'), { mode: 0o555 });
    if (process.getuid?.() !== 0) {
      await expect(publish(path.join(readOnly, 'locked/dist'), (build) => writeLabelled(build, 'x'))).rejects.toThrow(/^cannot write the package at .*: permission denied on .*locked/);
    }
  });
});
