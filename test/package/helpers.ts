// Shared by the packaging tests: file listings, frontmatter of the source skills, a static file server.
import { createServer, type Server } from 'node:http';
import { cpSync, existsSync, lstatSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { gunzipSync } from 'node:zlib';
import { extract } from 'tar-stream';
import YAML from 'yaml';
import { repoRoot } from '../../scripts/core/paths.ts';
import type { Diagnostic } from '../../scripts/core/types.ts';

export const fixtureSkills = path.join(repoRoot, 'test/fixtures/package/skills');

/** Every regular file under `dir` (relative, `/`-separated, sorted); `skip` filters names of files or folders. */
export function listFiles(dir: string, skip: (name: string, isDir: boolean) => boolean = () => false): string[] {
  const found: string[] = [];
  const visit = (current: string, prefix: string) => {
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      if (skip(entry.name, entry.isDirectory())) continue;
      const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
      if (entry.isDirectory()) visit(path.join(current, entry.name), relative);
      else found.push(relative);
    }
  };
  visit(dir, '');
  return found.sort();
}

/** name → description of every `<root>/*\/SKILL.md`, read straight from the YAML (not through our parser). */
export function sourceSkills(root: string): Map<string, string> {
  const skills = new Map<string, string>();
  for (const entry of readdirSync(root, { withFileTypes: true })) {
    const skillMd = path.join(root, entry.name, 'SKILL.md');
    if (!entry.isDirectory() || !existsSync(skillMd)) continue;
    const match = /^---\r?\n([\s\S]*?)\r?\n---/.exec(readFileSync(skillMd, 'utf8'));
    const data = YAML.parse(match?.[1] ?? '') as { name: string; description: string };
    skills.set(data.name, data.description);
  }
  return skills;
}

/** A private copy of the fixture skills root, to plant junk or defects in. */
export function copyFixture(): { dir: string; skills: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'skill-package-'));
  const skills = path.join(dir, 'skills');
  cpSync(fixtureSkills, skills, { recursive: true });
  return { dir, skills };
}

export function isRealFile(file: string): boolean {
  return lstatSync(file).isFile();
}

export function brief(diagnostics: Diagnostic[]): string[] {
  return diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.severity} ${d.ruleId} ${d.message}`);
}

export interface StaticServer {
  url: string;
  requests: string[];
  close(): Promise<void>;
}

/** Serves a folder on 127.0.0.1 (any free port) and records every request path. */
export async function serveFolder(folder: string): Promise<StaticServer> {
  const requests: string[] = [];
  const server: Server = createServer((request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://127.0.0.1').pathname);
    requests.push(pathname);
    const file = path.join(folder, pathname);
    if (!file.startsWith(folder + path.sep) || !existsSync(file) || !lstatSync(file).isFile()) {
      response.writeHead(404).end();
      return;
    }
    const type = file.endsWith('.json') ? 'application/json' : file.endsWith('.tar.gz') ? 'application/gzip' : 'application/octet-stream';
    response.writeHead(200, { 'content-type': type }).end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('server has no port');
  return {
    url: `http://127.0.0.1:${address.port}`,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

export interface ArchiveEntry {
  name: string;
  type: string;
  mode: number;
  uid: number;
  gid: number;
  uname: string;
  gname: string;
  mtime: number;
  data: Buffer;
}

/** Reads an archive back with an independent reader (tar-stream): a .tar.gz file path, or plain tar bytes. */
export async function readArchive(file: string | Buffer): Promise<ArchiveEntry[]> {
  const entries: ArchiveEntry[] = [];
  const reader = extract();
  reader.on('entry', (header, stream, next) => {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk) => chunks.push(chunk as Buffer));
    stream.on('end', () => {
      entries.push({
        name: header.name,
        type: header.type ?? '',
        mode: header.mode ?? -1,
        uid: header.uid ?? -1,
        gid: header.gid ?? -1,
        uname: header.uname ?? '',
        gname: header.gname ?? '',
        mtime: (header.mtime?.getTime() ?? -1) / 1000,
        data: Buffer.concat(chunks),
      });
      next();
    });
  });
  Readable.from([typeof file === 'string' ? gunzipSync(readFileSync(file)) : file]).pipe(reader);
  await new Promise<void>((resolve, reject) => reader.on('finish', () => resolve()).on('error', reject));
  return entries;
}
