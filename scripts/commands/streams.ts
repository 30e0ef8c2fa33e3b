// The conventions a command-line tool owes its output streams: a reader that goes away (`| head`) ends the
// run quietly, a write that fails (`> /dev/full`) is one line and exit 2, and colour follows FORCE_COLOR,
// NO_COLOR and TERM=dumb before the terminal test.
import { writeSync } from 'node:fs';
import type { Writable } from 'node:stream';

const REASONS: Record<string, string> = {
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
  EIO: 'input/output error',
  EBADF: 'the stream is closed',
  EFBIG: 'the file is too large',
};

let guarded = false;

/** Handles write errors on stdout and stderr for the rest of the process (once, however often it is called). */
export function guardStreams(): void {
  if (guarded) return;
  guarded = true;
  for (const [stream, name] of [[process.stdout, 'output'], [process.stderr, 'messages']] as const) {
    stream.on('error', (error: NodeJS.ErrnoException) => onWriteError(error, stream, name));
  }
}

function onWriteError(error: NodeJS.ErrnoException, stream: Writable, name: string): void {
  // The reader closed the pipe: nobody is left to read what follows, and saying so would be noise.
  if (error.code === 'EPIPE' || error.code === 'ERR_STREAM_DESTROYED') {
    stream.destroy();
    return;
  }
  const reason = (error.code && REASONS[error.code]) ?? error.message;
  try {
    // Straight to the descriptor: the stream may be the one that failed, and the process ends next.
    if (stream !== process.stderr) writeSync(2, `skill-lint: cannot write the ${name}: ${reason}\n`);
  } catch {
    // stderr is gone too: the exit code is all that is left to say it.
  }
  process.exit(2);
}

/** Whether to colour text for `stream`: https://force-color.org, https://no-color.org, then TERM=dumb, then a terminal. */
export function useColor(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '') return true;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.TERM === 'dumb') return false;
  return stream.isTTY === true;
}
