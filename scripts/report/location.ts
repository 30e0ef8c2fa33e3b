// Where reports for code hosts say a finding is: relative to the repository root, not to the folder the
// command happened to run in, and written as a URI where a URI is asked for.
import path from 'node:path';

export interface ReportPaths {
  /** The folder diagnostics' paths are relative to (the working directory of the run). */
  cwd: string;
  /** The repository root that code scanning and annotations name files from. */
  root: string;
}

/** A diagnostic's file relative to the repository root, with forward slashes (absolute when outside it). */
export function repositoryPath(file: string, paths: ReportPaths): string {
  const absolute = path.resolve(paths.cwd, file);
  const relative = path.relative(paths.root, absolute);
  const inside = relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
  return (inside ? relative : absolute).split(path.sep).join('/');
}

/** A relative path as a URI reference: each segment percent-encoded (`,` `:` `%`, spaces, non-ASCII). */
export function uriReference(relativePath: string): string {
  return relativePath
    .split('/')
    .map((segment) => encodeURIComponent(segment).replace(/[!'()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`))
    .join('/');
}
