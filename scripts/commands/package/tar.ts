// A minimal, deterministic ustar + gzip writer: the same entries always give the same bytes.
// Hand-written rather than tar-stream because every header field must be pinned (owner, times,
// names) and the `skills` client reads only plain ustar (name + prefix, no pax or GNU long names).
import { zlib } from '../../core/builtins.ts';
import { ustarPath } from '../../extract/shipped-files.ts';


export interface TarEntry {
  /** Path inside the archive, `/`-separated, relative. */
  path: string;
  data: Buffer;
  /** Keep the executable bit of scripts; everything else is 0644. */
  executable?: boolean;
}

/** 1980-01-01T00:00:00Z: a fixed time every archive tool accepts (zip cannot go lower). */
export const FIXED_MTIME = 315532800;

const BLOCK = 512;

function header(entry: TarEntry): Buffer {
  const split = ustarPath(entry.path);
  if ('error' in split) throw new Error(`${entry.path}: ${split.error}`);
  const block = Buffer.alloc(BLOCK, 0);
  const text = (value: string, offset: number, length: number) => {
    block.write(value, offset, length, 'utf8');
  };
  // Numeric fields: zero-padded octal followed by a NUL, as POSIX writes them.
  const octal = (value: number, offset: number, length: number) => text(value.toString(8).padStart(length - 1, '0') + '\0', offset, length);
  text(split.name, 0, 100);
  octal(entry.executable ? 0o755 : 0o644, 100, 8);
  octal(0, 108, 8);
  octal(0, 116, 8);
  octal(entry.data.length, 124, 12);
  octal(FIXED_MTIME, 136, 12);
  text(' '.repeat(8), 148, 8);
  text('0', 156, 1);
  text('ustar\0', 257, 6);
  text('00', 263, 2);
  // uname/gname stay empty: no user or host names in the archive.
  octal(0, 329, 8);
  octal(0, 337, 8);
  text(split.prefix, 345, 155);
  let sum = 0;
  for (const byte of block) sum += byte;
  text(sum.toString(8).padStart(6, '0') + '\0 ', 148, 8);
  return block;
}

/** An uncompressed ustar archive of the entries, sorted by path (byte order). */
export function tar(entries: TarEntry[]): Buffer {
  const sorted = [...entries].sort((a, b) => Buffer.compare(Buffer.from(a.path), Buffer.from(b.path)));
  const parts: Buffer[] = [];
  for (const entry of sorted) {
    parts.push(header(entry), entry.data);
    const padding = (BLOCK - (entry.data.length % BLOCK)) % BLOCK;
    if (padding) parts.push(Buffer.alloc(padding, 0));
  }
  parts.push(Buffer.alloc(BLOCK * 2, 0));
  return Buffer.concat(parts);
}

/** OS byte "unknown" (RFC 1952): zlib would write the build platform's code instead. */
const GZIP_OS_UNKNOWN = 0xff;

/**
 * gzip with a pinned header: zlib writes mtime 0 and XFL 2 at level 9, but its OS byte depends on the
 * platform it was built for. The deflate stream itself is stable for a given zlib build
 * (`process.versions.zlib`); a different zlib may compress differently.
 */
export function gzip(data: Buffer): Buffer {
  const out = zlib().gzipSync(data, { level: 9 });
  out.writeUInt32LE(0, 4);
  out[9] = GZIP_OS_UNKNOWN;
  return out;
}

export function tarGz(entries: TarEntry[]): Buffer {
  return gzip(tar(entries));
}
