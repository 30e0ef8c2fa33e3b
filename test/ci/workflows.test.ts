// The repository's own CI: the workflow files pass a GitHub workflow validator (action-validator, which runs
// from a WebAssembly build inside its npm package, offline), third-party actions are pinned to a commit, and
// the pre-commit hook runs a real skill-lint command.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const repo = path.resolve(import.meta.dirname, '../..');
const workflows = path.join(repo, '.github/workflows');
const validator = path.join(repo, 'node_modules/@action-validator/cli/cli.mjs');

function validate(file: string): { status: number | null; output: string } {
  const run = spawnSync(process.execPath, [validator, file], { encoding: 'utf8' });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

const files = readdirSync(workflows).filter((name) => name.endsWith('.yml'));

describe('workflows', () => {
  it('has a pull-request and a release workflow', () => {
    expect(files.sort()).toEqual(['pull-request.yml', 'release.yml']);
  });

  it.each(files)('%s passes action-validator', (name) => {
    const result = validate(path.join(workflows, name));
    expect(result.output).toBe('');
    expect(result.status).toBe(0);
  });

  it('action-validator refuses a broken workflow (a job without runs-on)', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'workflow-'));
    const file = path.join(dir, 'broken.yml');
    writeFileSync(file, 'on: pull_request\njobs:\n  test:\n    steps:\n      - run: npm test\n');
    const result = validate(file);
    expect(result.status).toBe(1);
    expect(result.output).toContain('/jobs/test/runs-on');
  });

  it.each(files)('%s pins every action to a full commit SHA, with the version as a comment', (name) => {
    const text = readFileSync(path.join(workflows, name), 'utf8');
    const uses = [...text.matchAll(/uses:\s*(\S+)(.*)$/gm)];
    expect(uses.length).toBeGreaterThan(0);
    for (const [, target, rest] of uses) {
      expect(target).toMatch(/^[\w.-]+\/[\w./-]+@[0-9a-f]{40}$/);
      expect(rest).toMatch(/^ # v\d+\.\d+\.\d+$/);
    }
  });

  it('the pull-request workflow tests, annotates and uploads SARIF', () => {
    const workflow = parse(readFileSync(path.join(workflows, 'pull-request.yml'), 'utf8'));
    const runs = Object.values(workflow.jobs as Record<string, { steps: { run?: string; uses?: string }[] }>).flatMap((job) => job.steps);
    const commands = runs.map((step) => step.run ?? step.uses ?? '');
    expect(commands).toContain('npm ci');
    expect(commands).toContain('npm test');
    expect(commands.some((command) => command.includes('skill-lint check skills --format github'))).toBe(true);
    expect(commands.some((command) => command.includes('--format sarif'))).toBe(true);
    expect(commands.some((command) => command.startsWith('github/codeql-action/upload-sarif@'))).toBe(true);
  });

  it('the release workflow runs on v* tags, attaches the archives and catalog and deploys dist/ to Pages', () => {
    const workflow = parse(readFileSync(path.join(workflows, 'release.yml'), 'utf8'));
    expect(workflow.on.push.tags).toEqual(['v*']);
    const steps = Object.values(workflow.jobs as Record<string, { steps: { run?: string; uses?: string; with?: Record<string, unknown> }[] }>).flatMap((job) => job.steps);
    const release = steps.find((step) => step.run?.includes('gh release create'));
    expect(release?.run).toContain('dist/.well-known/agent-skills/*.tar.gz dist/catalog.json');
    const upload = steps.find((step) => step.uses?.startsWith('actions/upload-pages-artifact@'));
    expect(upload?.with).toEqual({ path: 'dist', 'include-hidden-files': true });
    expect(steps.some((step) => step.uses?.startsWith('actions/deploy-pages@'))).toBe(true);
  });
});

describe('pre-commit hook', () => {
  it('offers skill-lint check, run on the whole root, and the command exists', () => {
    const hooks = parse(readFileSync(path.join(repo, '.pre-commit-hooks.yaml'), 'utf8')) as { id: string; entry: string; language: string; pass_filenames: boolean }[];
    expect(hooks).toHaveLength(1);
    expect(hooks[0]).toMatchObject({ id: 'skill-lint', entry: 'skill-lint check', language: 'node', pass_filenames: false });
    const bin = JSON.parse(readFileSync(path.join(repo, 'package.json'), 'utf8')).bin[hooks[0].entry.split(' ')[0]];
    const help = execFileSync(process.execPath, [path.join(repo, bin), ...hooks[0].entry.split(' ').slice(1), '--help'], { encoding: 'utf8' });
    expect(help).toContain('Usage: skill-lint check');
  });
});
