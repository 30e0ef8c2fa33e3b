// The skill-lint command line. Exit codes: 0 clean, 1 findings, 2 the tool could not run.
import { Command, CommanderError, Option } from 'commander';
import path from 'node:path';
import type { Diagnostic } from '../core/types.ts';
import { UsageError } from '../load/files.ts';
import { invocationToJson } from '../extract/invocations.ts';
import { lintParallel } from '../engine/lint.ts';
import { packageSkills } from './package/package.ts';
import { release } from './release/release.ts';
import { BUMPS, type Bump } from '../core/semver.ts';
import { RoutingInputError, evaluateCases, formatEvaluation, routeCommand } from './route/evaluate.ts';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { computeCoverage } from './coverage.ts';
import { describeInvocation } from './describe.ts';
import { SKILL_DOMAINS, renderCommandsPage } from './docs.ts';
import { buildProject } from '../engine/project.ts';
import { reachFrom } from '../extract/reachability.ts';
import { FORMATS, type Format, formatDiagnostics } from '../report/index.ts';
import { allRules } from '../rules/index.ts';
import { formatStats } from '../report/stats.ts';
import { takeStats, useReferenceParsers } from '../parse/fast-read.ts';

interface CheckOptions {
  format: Format;
  profile?: 'spec' | 'cargo';
  maxWarnings?: number;
  config?: string;
  explain?: boolean;
  threads?: number;
  referenceParsers?: boolean;
  stats?: boolean;
}

export async function main(argv: string[]): Promise<number> {
  let exitCode = 0;
  const out = (text: string) => process.stdout.write(text);
  const program = new Command()
    .name('skill-lint')
    .description('Lint, route-check and package agent skills for the cargo-ai CLI.')
    .exitOverride()
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({ writeErr: (text) => process.stderr.write(text) });

  program
    .command('check')
    .description('lint skills: frontmatter, links, anchors, code blocks and every cargo-ai example')
    .argument('[paths...]', 'a skills root, skill folders or single files', ['skills'])
    .addOption(new Option('-f, --format <format>', 'output format').choices([...FORMATS]).default('stylish'))
    .addOption(new Option('--profile <profile>', 'rule profile: the Agent Skills spec only, or the cargo house rules too').choices(['spec', 'cargo']))
    .option('--max-warnings <n>', 'exit 1 when there are more warnings than this', (value: string) => parseCount(value, '--max-warnings', 0))
    .option('--threads <n>', 'threads to lint with, this one included (default: one per core from 2,000 files)', (value: string) => parseCount(value, '--threads', 1))
    .option('-c, --config <file>', 'config file (default: skill-lint.config.json, or "skill-lint" in package.json)')
    .option('--explain', 'also list links that cross from one skill into another')
    .option('--reference-parsers', 'parse every file with remark, the yaml library and mvdan-sh (no fast readers)')
    .option('--stats', 'print to stderr the files read and, per reader, how many took the fast path and why the others did not')
    .action(async (paths: string[], options: CheckOptions) => {
      const { diagnostics, project, readerStats } = await lintParallel({
        rules: allRules,
        paths,
        profile: options.profile,
        configPath: options.config,
        threads: options.threads,
        referenceParsers: options.referenceParsers,
      });
      out(formatDiagnostics(options.format, diagnostics, allRules, options.format === 'stylish' && process.stdout.isTTY === true));
      if (options.stats) process.stderr.write(formatStats(project.documents.size, readerStats, options.referenceParsers === true));
      if (options.explain) {
        for (const skill of project.skills) {
          for (const link of reachFrom(skill, project).crossSkill) {
            process.stderr.write(`cross-skill link: ${path.relative(process.cwd(), link.from)}:${link.line} → ${path.relative(process.cwd(), link.target)}\n`);
          }
        }
      }
      exitCode = exitCodeFor(diagnostics, options.maxWarnings);
    });

  program
    .command('extract')
    .description('print every cargo-ai invocation found in the examples (file, line, argv, resolved command, flags)')
    .argument('[paths...]', 'a skills root, skill folders or single files', ['skills'])
    .addOption(new Option('-f, --format <format>', 'output format').choices(['json', 'text']).default('json'))
    .option('--reference-parsers', 'parse every file with remark, the yaml library and mvdan-sh (no fast readers)')
    .option('--stats', 'print to stderr the files read and, per reader, how many took the fast path and why the others did not')
    .action((paths: string[], options: { format: 'json' | 'text'; referenceParsers?: boolean; stats?: boolean }) => {
      useReferenceParsers(options.referenceParsers === true);
      takeStats();
      const project = buildProject(paths);
      if (options.stats) process.stderr.write(formatStats(project.documents.size, takeStats(), options.referenceParsers === true));
      const rows = [...project.invocations.entries()].flatMap(([file, invocations]) =>
        invocations.map((invocation) => ({
          ...invocationToJson({ ...invocation, file: project.documents.get(file)!.file.displayPath }, project.documents.get(file)!.text),
          ...describeInvocation(invocation),
        })),
      );
      if (options.format === 'json') out(`${JSON.stringify(rows, null, 2)}\n`);
      else for (const row of rows) out(`${row.file}:${row.line}:${row.column}  ${row.argv.join(' ')}\n`);
    });

  program
    .command('docs')
    .description('write (or with --check, verify) the generated references/commands.md of each capability skill')
    .option('--skills-root <dir>', 'skills root', 'skills')
    .option('--check', 'exit 1 when a generated page is stale instead of writing it')
    .action((options: { skillsRoot: string; check?: boolean }) => {
      let stale = 0;
      for (const [skill, domain] of Object.entries(SKILL_DOMAINS)) {
        const dir = path.join(options.skillsRoot, skill);
        if (!existsSync(dir)) continue;
        const file = path.join(dir, 'references', 'commands.md');
        const page = renderCommandsPage(domain);
        const current = existsSync(file) ? readFileSync(file, 'utf8') : undefined;
        if (current === page) continue;
        stale++;
        if (options.check) process.stderr.write(`stale: ${file}\n`);
        else {
          mkdirSync(path.dirname(file), { recursive: true });
          writeFileSync(file, page);
          out(`wrote ${file}\n`);
        }
      }
      exitCode = options.check && stale > 0 ? 1 : 0;
    });

  program
    .command('coverage')
    .description('per domain, how many CLI commands appear in at least one hand-written example')
    .argument('[paths...]', 'a skills root, skill folders or single files', ['skills'])
    .action((paths: string[]) => {
      const project = buildProject(paths);
      for (const row of computeCoverage(project.invocations)) {
        out(`${row.domain.padEnd(28)} ${String(row.shown).padStart(3)}/${String(row.total).padEnd(3)} ${Math.round((100 * row.shown) / Math.max(1, row.total))}%${row.missing.length ? `  missing: ${row.missing.join(', ')}` : ''}\n`);
      }
    });

  program
    .command('package')
    .description('lint, then write the shippable skills, archives, discovery index and catalog.json')
    .option('--skills-root <dir>', 'skills root', 'skills')
    .option('--out <dir>', 'output folder', 'dist')
    .action(async (options: { skillsRoot: string; out: string }) => {
      const result = await packageSkills({ root: options.skillsRoot, out: options.out });
      if (!result.ok) {
        out(formatDiagnostics('stylish', result.diagnostics, allRules));
        exitCode = 1;
        return;
      }
      out(`packaged ${result.skills.length} skills into ${result.out}\n`);
    });

  program
    .command('release')
    .description('bump the versions of the skills that changed since the last release tag and write CHANGELOG.md')
    .addOption(new Option('--bump <level>', 'which part of the bundle version moves').choices([...BUMPS]).makeOptionMandatory())
    .option('--root <dir>', 'repository root (holds skills/ and CHANGELOG.md)', '.')
    .option('--date <yyyy-mm-dd>', 'date for the changelog heading (default: today, UTC)')
    .action(async (options: { bump: Bump; root: string; date?: string }) => {
      if (options.date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(options.date)) throw new UsageError(`--date must be YYYY-MM-DD, not ${options.date}`);
      const result = await release({ root: options.root, bump: options.bump, date: options.date });
      if (!result.ok) {
        out(formatDiagnostics('stylish', result.diagnostics, allRules));
        exitCode = 1;
        return;
      }
      for (const skill of result.skills) out(`${skill.name}: ${skill.from ?? '(new)'} -> ${skill.to}\n`);
      out(`bundle ${result.previousVersion ?? '(first release)'} -> ${result.version}; wrote CHANGELOG.md; tag to create: ${result.tag}\n`);
    });

  program
    .command('route')
    .description('rank the skills for one request, or grade a case file with --eval')
    .argument('[request]', 'a user request')
    .option('--skills-root <dir>', 'skills root', 'skills')
    .option('--eval <cases>', 'a JSONL file of {"prompt","expect","why"} lines')
    .option('--top <n>', 'how many skills to show', '3')
    .action((request: string | undefined, options: { skillsRoot: string; eval?: string; top: string }) => {
      try {
        if (options.eval) {
          const evaluation = evaluateCases({ skillsRoot: options.skillsRoot, casesFile: options.eval });
          out(formatEvaluation(evaluation));
          exitCode = evaluation.misses.length > 0 && evaluation.top1 / Math.max(1, evaluation.total) < 0.95 ? 1 : 0;
        } else if (request) {
          out(routeCommand({ skillsRoot: options.skillsRoot, request, top: Number(options.top) }));
        } else {
          throw new UsageError('give a request, or --eval <cases.jsonl>');
        }
      } catch (error) {
        if (error instanceof RoutingInputError) throw new UsageError(error.message);
        throw error;
      }
    });

  program
    .command('rules')
    .description('list every rule with its id, default severity, profile and description')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'))
    .action((options: { format: 'text' | 'json' }) => {
      if (options.format === 'json') {
        out(`${JSON.stringify(allRules.map((rule) => rule.meta), null, 2)}\n`);
        return;
      }
      const width = Math.max(...allRules.map((rule) => rule.meta.id.length));
      for (const { id, severity, profile, description } of allRules.map((rule) => rule.meta)) {
        out(`${id.padEnd(width)}  ${severity.padEnd(7)}  ${profile.padEnd(5)}  ${description}\n`);
      }
    });

  try {
    await program.parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.exitCode === 0 ? 0 : 2;
    }
    if (error instanceof UsageError) {
      process.stderr.write(`skill-lint: ${error.message}\n`);
      return 2;
    }
    process.stderr.write(`skill-lint: ${(error as Error).message ?? String(error)}\n`);
    return 2;
  }
  return exitCode;
}

function exitCodeFor(diagnostics: Diagnostic[], maxWarnings: number | undefined): number {
  if (diagnostics.some((d) => d.severity === 'error')) return 1;
  const warnings = diagnostics.filter((d) => d.severity === 'warning').length;
  return maxWarnings !== undefined && warnings > maxWarnings ? 1 : 0;
}

function parseCount(value: string, option: string, least: number): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < least) throw new UsageError(`${option} must be a whole number${least > 0 ? ` of at least ${least}` : ''}, not ${value}`);
  return parsed;
}
