// Puts a built package in place so that a reader (a web server, `skills add`) finds the old package or the
// new one, whole, at every moment, and a run killed at any point leaves one of the two.
//
// The output path is a symbolic link to a complete version folder kept beside it, in `.<out>.versions/`.
// A version is written there under a `build-` name, renamed to its `v-` name once complete, and the output
// is switched to it by renaming a new link over the old one: rename(2) replaces the link atomically, so the
// output always resolves to one whole version. Only then is the previous version removed. A killed run
// leaves at most folders no link points to, and the next run removes them. Runs that overlap take turns on
// a lock folder in `.<out>.versions/`, released at the end or found dead (its owner process gone) by the next.
//
// An output folder written before this layout (a real folder) cannot be swapped for a link in one step:
// it is moved into `.<out>.versions/` and the link put in its place at once. A run killed between those two
// renames leaves no output for that moment; the next run links the new version (complete by then) before
// anything else.
import { chmodSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, renameSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { crypto } from '../../core/builtins.ts';

/** Moments a run can be stopped at, named for the tests that kill it there. */
export type PublishStep = 'locked' | 'built' | 'completed' | 'linked' | 'migrated' | 'switched';

export interface PublishOptions {
  /** How long to wait for another run's lock before giving up (default two minutes). */
  lockTimeoutMs?: number;
  /** Told once when another run holds the lock and this one waits. */
  onWait?: (owner: number | undefined) => void;
  /** Called at each step; tests stop or kill the process there. */
  onStep?: (step: PublishStep) => void;
}

/** Packaging could not write its output; the message is a sentence for the user. */
export class PublishError extends Error {}

const LOCK_POLL_MS = 100;
/** A lock folder without an owner file this old was left by a run killed while taking it. */
const OWNERLESS_LOCK_MS = 5000;

interface Layout {
  out: string;
  parent: string;
  versions: string;
  lock: string;
}

function layoutOf(out: string): Layout {
  const parent = path.dirname(out);
  const versions = path.join(parent, `.${path.basename(out)}.versions`);
  return { out, parent, versions, lock: path.join(versions, 'lock') };
}

/**
 * Writes a new package with `write` (given an empty folder) and switches `out` to it, under the lock;
 * returns what `write` returned. System errors become a PublishError with a sentence.
 */
export async function publish<T>(out: string, write: (dir: string) => T, options: PublishOptions = {}): Promise<T> {
  const layout = layoutOf(out);
  const step = options.onStep ?? (() => undefined);
  try {
    mkdirSync(layout.versions, { recursive: true });
    chmodSync(layout.versions, 0o755);
    await takeLock(layout, options);
  } catch (error) {
    throw sentence(error, layout);
  }
  let build: string | undefined;
  try {
    step('locked');
    removeLeftovers(layout);
    build = mkdtempSync(path.join(layout.versions, 'build-'));
    const result = write(build);
    setModes(build);
    step('built');
    const version = path.join(layout.versions, `v-${path.basename(build).slice('build-'.length)}`);
    renameSync(build, version);
    step('completed');
    const link = path.join(layout.versions, `link-${crypto().randomBytes(6).toString('hex')}`);
    symlinkSync(path.relative(layout.parent, version), link);
    step('linked');
    const legacy = isRealFolder(out);
    if (legacy) {
      renameSync(out, path.join(layout.versions, `previous-${crypto().randomBytes(6).toString('hex')}`));
      step('migrated');
    }
    renameSync(link, out);
    step('switched');
    removeLeftovers(layout);
    return result;
  } catch (error) {
    if (build) rmSync(build, { recursive: true, force: true });
    throw sentence(error, layout);
  } finally {
    rmSync(layout.lock, { recursive: true, force: true });
  }
}

function isRealFolder(file: string): boolean {
  try {
    const stat = lstatSync(file);
    return stat.isDirectory();
  } catch {
    return false;
  }
}

/** The version folder the output links to, or undefined when it is no link of ours. */
function currentVersion(layout: Layout): string | undefined {
  let target: string;
  try {
    target = readlinkSync(layout.out);
  } catch {
    return undefined;
  }
  const resolved = path.resolve(layout.parent, target);
  return path.dirname(resolved) === layout.versions ? path.basename(resolved) : undefined;
}

/**
 * Removes what killed or earlier runs left: every version but the current one, unfinished builds, spare
 * links, and the `.<out>.tmp-*` and `.<out>.old-*` folders of the earlier layout. When the output is missing
 * (a run killed while moving an earlier layout's folder), it first links the newest complete version back.
 */
function removeLeftovers(layout: Layout): void {
  const base = path.basename(layout.out);
  for (const name of readdirSync(layout.parent)) {
    if (name.startsWith(`.${base}.tmp-`) || name.startsWith(`.${base}.old-`)) rmSync(path.join(layout.parent, name), { recursive: true, force: true });
  }
  let exists = true;
  try {
    lstatSync(layout.out);
  } catch {
    exists = false;
  }
  const entries = readdirSync(layout.versions);
  if (!exists) {
    // A complete new version if there is one, else the earlier layout's folder that was moved aside.
    const newest = (prefix: string) =>
      entries
        .filter((name) => name.startsWith(prefix))
        .map((name) => ({ name, time: statSync(path.join(layout.versions, name)).mtimeMs }))
        .sort((a, b) => b.time - a.time)[0]?.name;
    const restored = newest('v-') ?? newest('previous-');
    if (restored) symlinkSync(path.join(path.basename(layout.versions), restored), layout.out);
  }
  const keep = currentVersion(layout);
  for (const name of entries) {
    if (name === 'lock' || name === keep) continue;
    rmSync(path.join(layout.versions, name), { recursive: true, force: true });
  }
}

/** Folders 0755 and files 0644 (0755 when executable), whatever the umask: a web server may run as another user. */
function setModes(dir: string): void {
  chmodSync(dir, 0o755);
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) setModes(file);
    else chmodSync(file, statSync(file).mode & 0o100 ? 0o755 : 0o644);
  }
}

async function takeLock(layout: Layout, options: PublishOptions): Promise<void> {
  const deadline = Date.now() + (options.lockTimeoutMs ?? 120_000);
  let told = false;
  for (;;) {
    try {
      mkdirSync(layout.lock);
      writeFileSync(path.join(layout.lock, 'owner'), String(process.pid));
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const owner = lockOwner(layout);
    if (owner.dead) {
      breakLock(layout, owner.pid);
      continue;
    }
    if (Date.now() >= deadline) {
      throw new PublishError(
        `another package run${owner.pid ? ` (process ${owner.pid})` : ''} is still writing ${path.basename(layout.out)} after ${Math.round((options.lockTimeoutMs ?? 120_000) / 1000)} s; try again when it has finished`,
      );
    }
    if (!told) {
      options.onWait?.(owner.pid);
      told = true;
    }
    await sleep(LOCK_POLL_MS);
  }
}

function lockOwner(layout: Layout): { pid?: number; dead: boolean } {
  let text: string;
  try {
    text = readFileSync(path.join(layout.lock, 'owner'), 'utf8');
  } catch {
    // Taken this instant, or by a run killed before it wrote its name: only age tells them apart.
    try {
      return { dead: Date.now() - statSync(layout.lock).mtimeMs > OWNERLESS_LOCK_MS };
    } catch {
      return { dead: false };
    }
  }
  const pid = Number(text);
  if (!Number.isInteger(pid) || pid <= 0) return { dead: true };
  try {
    process.kill(pid, 0);
    return { pid, dead: false };
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return { pid, dead: (error as NodeJS.ErrnoException).code === 'ESRCH' };
  }
}

/**
 * Removes a dead run's lock. It is first renamed away, which only one waiter can do; if what was renamed
 * turns out to be a live run's lock (taken between the look and the rename), it is put back.
 */
function breakLock(layout: Layout, deadPid: number | undefined): void {
  const aside = path.join(layout.versions, `stale-${crypto().randomBytes(6).toString('hex')}`);
  try {
    renameSync(layout.lock, aside);
  } catch {
    return;
  }
  let owner: number | undefined;
  try {
    owner = Number(readFileSync(path.join(aside, 'owner'), 'utf8'));
  } catch {
    owner = undefined;
  }
  if (owner !== undefined && owner !== deadPid) {
    try {
      renameSync(aside, layout.lock);
      return;
    } catch {
      // Taken again meanwhile by a third run: this one goes on beside the two. That needs a dead run's
      // lock and two waiters within the same instant; the usual overlap of two runs never gets here.
    }
  }
  rmSync(aside, { recursive: true, force: true });
}

/** A system error as one sentence naming the path, never `EEXIST: file already exists, mkdir '…'`. */
function sentence(error: unknown, layout: Layout): Error {
  if (error instanceof PublishError) return error;
  const failure = error as NodeJS.ErrnoException;
  const where = failure.path ?? layout.out;
  switch (failure.code) {
    case 'EACCES':
    case 'EPERM':
      return new PublishError(`cannot write the package at ${layout.out}: permission denied on ${where}`);
    case 'ENOSPC':
      return new PublishError(`cannot write the package at ${layout.out}: the disk is full`);
    case 'EROFS':
      return new PublishError(`cannot write the package at ${layout.out}: ${where} is on a read-only file system`);
    case 'EEXIST':
    case 'ENOTDIR':
      return new PublishError(`cannot write the package at ${layout.out}: ${where} is in the way (a file where a folder should be)`);
    case 'EISDIR':
    case 'ENOTEMPTY':
      return new PublishError(`cannot write the package at ${layout.out}: ${where} is a folder in the way`);
    default:
      return new PublishError(`cannot write the package at ${layout.out}: ${failure.code ? `${failure.code} on ${where}` : String(failure.message ?? failure)}`);
  }
}
