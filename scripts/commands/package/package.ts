// `skill-lint package`: lint, then write exactly what ships, for the `skills` client to install.
//
// Layout of the output folder (a link to its current version, see publish.ts; every byte a function of the sources):
//   skills/<name>/...                        the shipped files, for `skills add <out>` from disk
//   .well-known/agent-skills/index.json      Agent Skills discovery index, schema 0.2.0
//   .well-known/agent-skills/<name>.tar.gz   one archive per skill, SKILL.md at the archive root
//   catalog.json                             names, versions, descriptions, file hashes, API version
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Diagnostic, Skill } from '../../core/types.ts';
import type { Profile } from '../../load/config.ts';
import { displayPath } from '../../core/paths.ts';
import { crypto } from '../../core/builtins.ts';
import { lintParallel } from '../../engine/lint.ts';
import { sortDiagnostics } from '../../engine/run-rules.ts';
import { repoRoot, schemaPath } from '../../core/paths.ts';
import { ROUTER_SKILL } from '../../extract/release-state.ts';
import { archivePath, packageDiagnostic, selectFiles } from '../../extract/shipped-files.ts';
import { type PublishOptions, publish } from './publish.ts';
import { tarGz } from './tar.ts';
import { allRules } from '../../rules/index.ts';

export const DISCOVERY_SCHEMA = 'https://schemas.agentskills.io/discovery/0.2.0/schema.json';
export const WELL_KNOWN_DIR = '.well-known/agent-skills';
export const CATALOG_FORMAT = 'cargo-skills-catalog/1';

/** Names the `skills` client accepts in a discovery index (it drops other entries without a word). */
const CLIENT_NAME = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const CLIENT_DESCRIPTION_MAX = 1024;

export interface PackageOptions {
  /** Skills root to package (a folder of skill folders), relative to `cwd`. */
  root: string;
  /**
   * Output path, relative to `cwd`: a link to the package's current version, kept beside it in
   * `.<out>.versions/`; replaced whole, and only if it holds a previous package.
   */
  out: string;
  profile?: Profile;
  cwd?: string;
  configPath?: string;
  /** Waiting for another run, and the steps tests stop at. */
  publish?: PublishOptions;
}

export interface PackagedFile {
  path: string;
  size: number;
  sha256: string;
}

export interface PackagedSkill {
  name: string;
  version: string | null;
  description: string;
  files: PackagedFile[];
  archive: { path: string; size: number; digest: string };
}

export interface PackageResult {
  /** False when lint or packaging found an error; nothing was written then. */
  ok: boolean;
  /** Lint findings (warnings included) and packaging findings. */
  diagnostics: Diagnostic[];
  /** Absolute output folder. */
  out: string;
  skills: PackagedSkill[];
}

interface Built {
  name: string;
  version: string | null;
  description: string;
  files: { archivePath: string; data: Buffer; executable: boolean }[];
}

export async function packageSkills(options: PackageOptions): Promise<PackageResult> {
  const cwd = options.cwd ?? process.cwd();
  const out = path.resolve(cwd, options.out);
  const root = path.resolve(cwd, options.root);
  const fail = (diagnostics: Diagnostic[]): PackageResult => ({ ok: false, diagnostics: sortDiagnostics(diagnostics), out, skills: [] });

  const placement = checkOutput(out, root, cwd);
  if (placement) return fail([placement]);

  const { diagnostics: lintDiagnostics, project } = await lintParallel({ rules: allRules, paths: [options.root], profile: options.profile, cwd, configPath: options.configPath });
  if (lintDiagnostics.some((d) => d.severity === 'error')) return fail(lintDiagnostics);

  const diagnostics: Diagnostic[] = [...lintDiagnostics];
  const problems: Diagnostic[] = [];
  if (project.skills.length === 0) problems.push(packageDiagnostic(project.root, cwd, 'no skills to package (no folder with a SKILL.md)'));
  const built: Built[] = [];
  for (const skill of project.skills) {
    const selection = selectFiles(skill, project, cwd);
    problems.push(...selection.diagnostics);
    const item = describeSkill(skill, cwd, problems);
    if (!item) continue;
    built.push({
      ...item,
      files: selection.files.map((file) => ({ archivePath: archivePath(skill, file), data: readFileSync(file), executable: (statSync(file).mode & 0o111) !== 0 })),
    });
  }
  if (problems.length > 0) return fail([...diagnostics, ...problems]);

  // Written as a new version beside the output and switched into place whole (see publish.ts).
  const skills = await publish(out, (dir) => writePackage(dir, built), options.publish);
  return { ok: true, diagnostics: sortDiagnostics(diagnostics), out, skills };
}

/** Name, version and description from the frontmatter, or a finding when the client would reject them. */
function describeSkill(skill: Skill, cwd: string, problems: Diagnostic[]): Pick<Built, 'name' | 'version' | 'description'> | undefined {
  const skillMd = path.join(skill.dir, 'SKILL.md');
  const value = (skill.doc.frontmatter.value ?? {}) as Record<string, unknown>;
  const name = typeof value.name === 'string' ? value.name : skill.name;
  const description = typeof value.description === 'string' ? value.description : '';
  const metadata = value.metadata && typeof value.metadata === 'object' ? (value.metadata as Record<string, unknown>) : {};
  const version = typeof metadata.version === 'string' ? metadata.version : null;
  const spanOf = (key: string) => skill.doc.frontmatter.keySpans.get(key);
  let ok = true;
  if (!CLIENT_NAME.test(name) || name.length > 64) {
    problems.push(packageDiagnostic(skillMd, cwd, `\`${name}\` is not a name the skills client accepts in a discovery index`, 'lower-case letters, digits and single hyphens, at most 64 characters', spanOf('name')));
    ok = false;
  }
  if (description === '' || description.length > CLIENT_DESCRIPTION_MAX) {
    problems.push(packageDiagnostic(skillMd, cwd, `the description must be 1 to ${CLIENT_DESCRIPTION_MAX} characters for the discovery index (it is ${description.length})`, undefined, spanOf('description')));
    ok = false;
  }
  return ok ? { name, version, description } : undefined;
}

function writePackage(dir: string, built: Built[]): PackagedSkill[] {
  const wellKnown = path.join(dir, ...WELL_KNOWN_DIR.split('/'));
  mkdirSync(wellKnown, { recursive: true });
  const skills: PackagedSkill[] = [];
  for (const item of [...built].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    for (const file of item.files) {
      const target = path.join(dir, 'skills', item.name, ...file.archivePath.split('/'));
      mkdirSync(path.dirname(target), { recursive: true });
      writeFileSync(target, file.data);
    }
    const archive = tarGz(item.files.map((file) => ({ path: file.archivePath, data: file.data, executable: file.executable })));
    const archiveName = `${item.name}.tar.gz`;
    writeFileSync(path.join(wellKnown, archiveName), archive);
    skills.push({
      name: item.name,
      version: item.version,
      description: item.description,
      files: item.files.map((file) => ({ path: file.archivePath, size: file.data.length, sha256: sha256(file.data) })),
      archive: { path: `${WELL_KNOWN_DIR}/${archiveName}`, size: archive.length, digest: `sha256:${sha256(archive)}` },
    });
  }
  // `url` is relative: the client resolves it against the index URL, so the folder can be served from any base path.
  const index = {
    $schema: DISCOVERY_SCHEMA,
    skills: skills.map((skill) => ({ name: skill.name, description: skill.description, type: 'archive', url: path.posix.basename(skill.archive.path), digest: skill.archive.digest })),
  };
  writeFileSync(path.join(wellKnown, 'index.json'), `${JSON.stringify(index, null, 2)}\n`);
  const router = skills.find((skill) => skill.name === ROUTER_SKILL);
  const catalog = {
    format: CATALOG_FORMAT,
    version: router?.version ?? null,
    cargoApi: cargoApiVersion(),
    skills,
  };
  writeFileSync(path.join(dir, 'catalog.json'), `${JSON.stringify(catalog, null, 2)}\n`);
  return skills;
}

/** The `@cargo-ai/api` version the CLI schema (and so every checked example) was generated from. */
export function cargoApiVersion(): string | null {
  const readJson = (file: string): Record<string, unknown> | undefined => {
    try {
      return JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    } catch {
      return undefined;
    }
  };
  const source = readJson(schemaPath('cli-schema.json'))?.source as Record<string, unknown> | undefined;
  if (typeof source?.['@cargo-ai/api'] === 'string') return source['@cargo-ai/api'];
  const installed = readJson(path.join(repoRoot, 'node_modules', '@cargo-ai', 'api', 'package.json'))?.version;
  return typeof installed === 'string' ? installed : null;
}

/** Refuses an output folder that would swallow the sources or overwrite something that is not a package. */
function checkOutput(out: string, root: string, cwd: string): Diagnostic | undefined {
  const within = (child: string, parent: string) => child === parent || child.startsWith(parent + path.sep);
  if (within(root, out) || within(out, root)) {
    return packageDiagnostic(out, cwd, `the output folder \`${displayPath(out, cwd)}\` overlaps the skills root \`${displayPath(root, cwd)}\``, 'choose an output folder outside the skills, such as dist');
  }
  if (isForeignLink(out)) {
    return packageDiagnostic(out, cwd, `\`${displayPath(out, cwd)}\` is a symbolic link that package did not make; refusing to replace it`, 'remove it, or choose another --out');
  }
  if (!existsSync(out)) return undefined;
  if (!statSync(out).isDirectory()) return packageDiagnostic(out, cwd, `\`${displayPath(out, cwd)}\` exists and is not a folder`);
  if (readdirSync(out).length === 0) return undefined;
  try {
    const catalog = JSON.parse(readFileSync(path.join(out, 'catalog.json'), 'utf8')) as { format?: unknown };
    if (catalog.format === CATALOG_FORMAT) return undefined;
  } catch {
    // Falls through to the refusal below.
  }
  return packageDiagnostic(out, cwd, `\`${displayPath(out, cwd)}\` is not empty and holds no previous package; refusing to replace it`, 'remove it, or choose another --out');
}

/** A symbolic link at the output that points anywhere but into its own `.<out>.versions/` folder. */
function isForeignLink(out: string): boolean {
  try {
    if (!lstatSync(out).isSymbolicLink()) return false;
  } catch {
    return false;
  }
  const target = path.resolve(path.dirname(out), readlinkSync(out));
  return path.dirname(target) !== path.join(path.dirname(out), `.${path.basename(out)}.versions`);
}

function sha256(data: Buffer): string {
  return crypto().createHash('sha256').update(data).digest('hex');
}
