// Resolves a markdown link as GitHub would: a file, an anchor, or something we do not follow.
import { statSync } from 'node:fs';
import path from 'node:path';
import type { OptionSchema } from '../core/rule.ts';
import type { DocumentIndex, Link } from '../core/types.ts';

export type ResolvedLink =
  | { kind: 'external' }
  /** `/plugin:skill`: a slash command some clients run, not a path. */
  | { kind: 'command'; name: string }
  | { kind: 'anchor'; anchor: string }
  | { kind: 'file'; target: string; anchor?: string; exists: boolean; isDirectory: boolean }
  | { kind: 'invalid'; reason: string; hint?: string };

const SCHEME = /^[a-z][a-z0-9+.-]*:/i;
/** `/name` or `/plugin:skill` alone: how Claude Code and its plugins invoke a skill or command. */
const SLASH_COMMAND = /^\/[a-z0-9][\w.-]*:[a-z0-9][\w.-]*$/i;

/**
 * Prefixes that stand for the skill's own folder in links, as clients document them: `{baseDir}` (OpenClaw)
 * and `${CLAUDE_SKILL_DIR}` (Claude Code). The option `baseDirs` of link-target and orphan-file replaces the list.
 */
export const BASE_DIR_PREFIXES: readonly string[] = ['{baseDir}', '${CLAUDE_SKILL_DIR}', '$CLAUDE_SKILL_DIR'];

/** The option `baseDirs` of the rules that follow links (link-target, orphan-file): one schema for both. */
export const BASE_DIRS_OPTION = {
  type: 'array',
  items: { type: 'string', minLength: 1 },
  default: [...BASE_DIR_PREFIXES],
  description: 'prefixes that stand for the skill folder in a link or a path (clients document these); set it alike for link-target and orphan-file',
} as const satisfies OptionSchema;

/** A link's resolution, with the skills root it was resolved against. */
export interface LinkResolution {
  root: string;
  /** The base-directory prefixes it was resolved with (compared by content: they cross threads). */
  baseDirs: string;
  result: ResolvedLink;
}

const DEFAULT_KEY = BASE_DIR_PREFIXES.join('\n');

/** Resolutions by document and link: several rules resolve the same links, and each resolution asks the disk. */
const resolved = new WeakMap<DocumentIndex, Map<Link, LinkResolution>>();

/**
 * What `link` in `doc` points at. `linted`, the files the run lints, answers for a link to one of them
 * (they exist, and are files) without asking the disk; any other target is looked up.
 */
export function resolveLink(doc: DocumentIndex, link: Link, root: string, linted?: ReadonlySet<string>, baseDirs: readonly string[] = BASE_DIR_PREFIXES): ResolvedLink {
  let byLink = resolved.get(doc);
  if (!byLink) {
    byLink = new Map();
    resolved.set(doc, byLink);
  }
  const known = byLink.get(link);
  const baseDirKey = baseDirs === BASE_DIR_PREFIXES ? DEFAULT_KEY : baseDirs.join('\n');
  if (known?.root === root && known.baseDirs === baseDirKey) return known.result;
  const result = resolveUncached(doc, link, root, linted, baseDirs);
  byLink.set(link, { root, baseDirs: baseDirKey, result });
  return result;
}

/**
 * What has been resolved of `doc`'s links, in link order (undefined for a link not resolved yet): it travels
 * with the document's index, on to project rules that resolve the same links (see `adoptResolutions`).
 */
export function resolutionsOf(doc: DocumentIndex): (LinkResolution | undefined)[] {
  const byLink = resolved.get(doc);
  return byLink ? doc.links.map((link) => byLink.get(link)) : [];
}

/** Lets `index`, made in this thread from `doc` and holding the same links, answer from `doc`'s resolutions. */
export function shareResolutions(doc: DocumentIndex, index: DocumentIndex): void {
  const byLink = resolved.get(doc);
  if (byLink) resolved.set(index, byLink);
}

/** Lets `index` answer from `resolutions` (from `resolutionsOf` on its document) without asking the disk again. */
export function adoptResolutions(index: DocumentIndex, resolutions: (LinkResolution | undefined)[]): void {
  if (resolutions.length === 0) return;
  const byLink = new Map<Link, LinkResolution>();
  resolutions.forEach((resolution, position) => {
    if (resolution) byLink.set(index.links[position], resolution);
  });
  resolved.set(index, byLink);
}

function resolveUncached(doc: DocumentIndex, link: Link, root: string, linted: ReadonlySet<string> | undefined, baseDirs: readonly string[]): ResolvedLink {
  let url = link.url.trim();
  if (SLASH_COMMAND.test(url)) return { kind: 'command', name: url.slice(1) };
  // `{baseDir}/references/x.md` is `references/x.md` from the skill folder.
  let base = path.dirname(doc.file.path);
  const prefix = baseDirs.find((candidate) => url.startsWith(`${candidate}/`));
  if (prefix) {
    url = url.slice(prefix.length + 1);
    base = doc.file.skillDir ?? base;
  }
  if (url === '') return { kind: 'invalid', reason: 'Link has an empty target' };
  if (/^file:/i.test(url)) {
    return { kind: 'invalid', reason: `\`${url}\` is a file: URL; it only works on the author's machine`, hint: 'link with a relative path inside the skill' };
  }
  if (SCHEME.test(url) || url.startsWith('//')) return { kind: 'external' };
  const hashIndex = url.indexOf('#');
  const rawPath = hashIndex >= 0 ? url.slice(0, hashIndex) : url;
  const rawAnchor = hashIndex >= 0 ? url.slice(hashIndex + 1) : undefined;
  let filePart: string;
  let anchor: string | undefined;
  try {
    const query = rawPath.indexOf('?');
    filePart = decoded(query >= 0 ? rawPath.slice(0, query) : rawPath);
    anchor = rawAnchor === undefined ? undefined : decoded(rawAnchor);
  } catch {
    return { kind: 'invalid', reason: `\`${url}\` has malformed percent-encoding` };
  }
  if (filePart === '') return { kind: 'anchor', anchor: anchor ?? '' };
  if (filePart.startsWith('/') || path.isAbsolute(filePart) || /^[a-z]:[\\/]/i.test(filePart)) {
    return { kind: 'invalid', reason: `\`${url}\` is an absolute path; it breaks once the skill is installed elsewhere`, hint: 'use a path relative to this file' };
  }
  const target = path.resolve(base, filePart);
  if (target !== root && !target.startsWith(root + path.sep)) {
    return { kind: 'invalid', reason: `\`${url}\` points outside the skills root`, hint: 'link only to files inside the skills folder' };
  }
  if (linted?.has(target)) return { kind: 'file', target, anchor, exists: true, isDirectory: false };
  const stat = statSync(target, { throwIfNoEntry: false });
  return { kind: 'file', target, anchor, exists: stat !== undefined, isDirectory: stat?.isDirectory() === true };
}

/** A URL part with its percent-escapes decoded; most have none, and are returned as they are. Throws on a malformed escape. */
function decoded(part: string): string {
  return part.includes('%') ? decodeURIComponent(part) : part;
}
