// The plain MAJOR.MINOR.PATCH versions skills carry in `metadata.version` (no pre-release or build parts).
export type Bump = 'patch' | 'minor' | 'major';
export const BUMPS: readonly Bump[] = ['patch', 'minor', 'major'];

const PATTERN = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/;

export function parseVersion(version: string): [number, number, number] | undefined {
  const match = PATTERN.exec(version);
  return match ? [Number(match[1]), Number(match[2]), Number(match[3])] : undefined;
}

/** Negative when a < b, 0 when equal, positive when a > b; undefined when either is not a version. */
export function compareVersions(a: string, b: string): number | undefined {
  const left = parseVersion(a);
  const right = parseVersion(b);
  if (!left || !right) return undefined;
  return left[0] - right[0] || left[1] - right[1] || left[2] - right[2];
}

export function bumpVersion(version: string, bump: Bump): string {
  const parts = parseVersion(version);
  if (!parts) throw new Error(`not a MAJOR.MINOR.PATCH version: ${version}`);
  const [major, minor, patch] = parts;
  if (bump === 'major') return `${major + 1}.0.0`;
  if (bump === 'minor') return `${major}.${minor + 1}.0`;
  return `${major}.${minor}.${patch + 1}`;
}
