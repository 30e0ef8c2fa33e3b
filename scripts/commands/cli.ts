// The skill-lint command line. Exit codes: 0 clean, 1 findings, 2 the tool could not run.
import { Command, CommanderError, Option } from 'commander';
import path from 'node:path';
import type { Diagnostic } from '../core/types.ts';
import { UsageError } from '../load/files.ts';
import { invocationToJson } from '../extract/invocations.ts';
import { DEFAULT_PROFILE, lintParallel } from '../engine/lint.ts';
import { packageSkills } from './package/package.ts';
import { ReleaseDateError, isCalendarDate, release } from './release/release.ts';
import { BUMPS, type Bump } from '../core/semver.ts';
import { RoutingInputError, evaluateCases, formatEvaluation, routeCommand } from './route/evaluate.ts';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { computeAnswerCoverage, computeCoverage } from './coverage.ts';
import { describeInvocation } from './describe.ts';
import { SKILL_DOMAINS, renderCommandsPage } from './docs.ts';
import { buildProject, usableThreads } from '../engine/project.ts';
import { reachFrom } from '../extract/reachability.ts';
import { FORMATS, type Format, formatDiagnostics } from '../report/index.ts';
import { formatRuleList, formatRuleTable } from '../report/rules.ts';
import { allRules } from '../rules/index.ts';
import { guardStreams, useColor } from './streams.ts';
import { type FileChange, fixableCount, lintAndFix } from './fix.ts';
import { unifiedDiff } from './unified-diff.ts';
import { newRecipe, newSkill } from './scaffold.ts';
import { watchCheck } from './watch.ts';
import { repositoryRoot } from '../load/repository.ts';
import { formatStats } from '../report/stats.ts';
import { takeStats, useReferenceParsers } from '../parse/fast-read.ts';

export async function main(argv: string[]): Promise<number> {
  let exitCode = 0;
  guardStreams();
  const out = (text: string) => process.stdout.write(text);
  const program = new Command()
    .name('skill-lint')
    .description('Lint, route-check and package agent skills for the cargo-ai CLI.')
    .exitOverride()
    // Commander's usage errors as every other usage error: one line.
    .configureOutput({ writeErr: (text) => process.stderr.write(text), outputError: (text, write) => write(`skill-lint: ${text.trim().replace(/^error: /, '')} (run with --help for usage)\n`) });

  program
    .command('check')
    .description('lint skills: frontmatter, links, anchors, code blocks and every cargo-ai example')
    .argument('[paths...]', 'a skills root, skill folders or single files', ['skills'])
    .addOption(new Option('-f, --format <format>', 'output format').choices([...FORMATS]).default('stylish'))
    .addOption(
      new Option('--profile <profile>', `rule profile: the Agent Skills spec only, or the cargo house rules too (default: the config file's, else ${DEFAULT_PROFILE})`).choices(['spec', 'cargo']),
    )
    .option('-q, --quiet', 'report errors only')
    .option('--max-warnings <n>', 'exit 1 when there are more warnings than this', (value: string) => parseCount(value, '--max-warnings', 0))
    .option('--threads <n>', 'threads to lint with, this one included (default: one per core from 8,000 files on 2 cores, 2,000 on more)', (value: string) => parseCount(value, '--threads', 1))
    .option('-c, --config <file>', 'config file (default: skill-lint.config.json, or "skill-lint" in package.json)')
    .option('--explain', 'also list links that cross from one skill into another')
    .option('--reference-parsers', 'parse every file with remark, the yaml library and mvdan-sh (no fast readers)')
    .option('--stats', 'print to stderr the files read and, per reader, how many took the fast path and why the others did not')
    .option('--fix', 'apply the safe repairs rules offer, write the files, and report what remains')
    .addOption(new Option('--fix-dry-run', 'print the repairs --fix would make as a unified diff; write nothing').conflicts('fix'))
    .addOption(new Option('--watch', 'lint again after every save, re-checking what changed; Ctrl-C stops').conflicts(['fix', 'fixDryRun', 'explain']))
    .action(async (paths: string[], options: CheckOptions) => {
      if (options.threads !== undefined && usableThreads(options.threads) < options.threads) {
        const usable = usableThreads(options.threads);
        process.stderr.write(`skill-lint: --threads ${options.threads} is more than this machine runs at once; using ${usable}\n`);
        options.threads = usable;
      }
      const lintOptions = { rules: allRules, paths, profile: options.profile, configPath: options.config, threads: options.threads, referenceParsers: options.referenceParsers };
      const color = options.format === 'stylish' && useColor(process.stdout);
      // --quiet drops warnings from the output only: --max-warnings still counts them.
      const print = (found: Diagnostic[], root: string) =>
        out(formatDiagnostics(options.format, options.quiet ? found.filter((d) => d.severity === 'error') : found, allRules, { color, paths: { cwd: process.cwd(), root } }));
      if (options.watch) {
        const root = repositoryRoot(path.resolve(paths[0] ?? '.'), options.config, process.cwd());
        exitCode = await watchCheck({
          lint: lintOptions,
          print: (diagnostics) => print(diagnostics, root),
          exitCode: (diagnostics) => exitCodeFor(diagnostics, options.maxWarnings),
          status: (line) => process.stderr.write(`skill-lint: ${line}\n`),
        });
        return;
      }
      if (options.fixDryRun) {
        const { diagnostics, changes } = await lintAndFix({ ...lintOptions, dryRun: true });
        for (const change of changes) out(unifiedDiff(change.displayPath, change.before, change.after));
        process.stderr.write(`${describeRepairs(changes)} (dry run: nothing written)\n`);
        exitCode = exitCodeFor(diagnostics, options.maxWarnings);
        return;
      }
      const { diagnostics, projects, notes, repositoryRoot: root, readerStats, changes } = options.fix ? await lintAndFix(lintOptions) : { ...(await lintParallel(lintOptions)), changes: undefined };
      print(diagnostics, root);
      if (options.stats) process.stderr.write(formatStats(projects.reduce((files, project) => files + project.documents.size, 0), readerStats, options.referenceParsers === true));
      for (const note of notes) process.stderr.write(`skill-lint: note: ${note}\n`);
      if (changes) process.stderr.write(`${describeRepairs(changes)}\n`);
      else if (options.format === 'stylish' && fixableCount(diagnostics) > 0) process.stderr.write(`${fixableCount(diagnostics)} of these can be repaired with \`skill-lint check --fix\`\n`);
      if (options.explain) {
        for (const project of projects) for (const skill of project.skills) {
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
      if (options.skillsRoot.trim() === '') throw new UsageError('--skills-root is empty: name the folder that holds the skills');
      if (!existsSync(options.skillsRoot)) throw new UsageError(`--skills-root ${options.skillsRoot}: no such folder`);
      const present = Object.entries(SKILL_DOMAINS).filter(([skill]) => existsSync(path.join(options.skillsRoot, skill, 'SKILL.md')));
      if (present.length === 0) throw new UsageError(`--skills-root ${options.skillsRoot}: none of the capability skills (${Object.keys(SKILL_DOMAINS).join(', ')}) is in it`);
      let stale = 0;
      for (const [skill, domain] of present) {
        const dir = path.join(options.skillsRoot, skill);
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
    .description('per domain, how many CLI commands appear in a hand-written example, and how many that print a body have a documented answer')
    .argument('[paths...]', 'a skills root, skill folders or single files', ['skills'])
    .action((paths: string[]) => {
      const project = buildProject(paths);
      const line = (domain: string, count: number, total: number, missing: string[]) =>
        `${domain.padEnd(28)} ${String(count).padStart(3)}/${String(total).padEnd(3)} ${Math.round((100 * count) / Math.max(1, total))}%${missing.length ? `  missing: ${missing.join(', ')}` : ''}\n`;
      for (const row of computeCoverage(project.invocations)) out(line(row.domain, row.shown, row.total, row.missing));
      const answers = computeAnswerCoverage(project.documents);
      out('\nanswers: commands that print a body, with a documented answer block\n');
      for (const row of answers.domains) out(line(row.domain, row.documented, row.total, row.missing));
      out(
        answers.targets.length === 0
          ? '\nanswer targets: every command read with jq, and every get/list a capability skill shows, has an answer block\n'
          : `\nanswer targets without an answer block:\n${answers.targets.map((target) => `  ${target.command} (${target.why})\n`).join('')}`,
      );
    });

  program
    .command('package')
    .description('lint, then write the shippable skills, archives, discovery index and catalog.json')
    .option('--skills-root <dir>', 'skills root', 'skills')
    .option('--out <dir>', 'output folder', 'dist')
    .action(async (options: { skillsRoot: string; out: string }) => {
      const onWait = (owner: number | undefined) =>
        process.stderr.write(`skill-lint: waiting for another package run${owner ? ` (process ${owner})` : ''} to finish writing ${options.out}\n`);
      const result = await packageSkills({ root: options.skillsRoot, out: options.out, publish: { onWait } });
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
    .option('--allow-dirty', 'release even when the skills folder has uncommitted changes')
    .action(async (options: { bump: Bump; root: string; date?: string; allowDirty?: boolean }) => {
      if (options.date !== undefined && !isCalendarDate(options.date)) throw new UsageError(new ReleaseDateError(options.date).message);
      const result = await release({ root: options.root, bump: options.bump, date: options.date, allowDirty: options.allowDirty });
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
    .option('--top <n>', 'how many skills to show (default 3)', (value: string) => parseCount(value, '--top', 1))
    .action((request: string | undefined, options: { skillsRoot: string; eval?: string; top?: number }) => {
      try {
        if (options.eval) {
          const evaluation = evaluateCases({ skillsRoot: options.skillsRoot, casesFile: options.eval });
          out(formatEvaluation(evaluation));
          exitCode = evaluation.misses.length > 0 && evaluation.top1 / Math.max(1, evaluation.total) < 0.95 ? 1 : 0;
        } else if (request !== undefined) {
          if (request.trim() === '') throw new UsageError('the request is empty: give the words a user would type');
          out(routeCommand({ skillsRoot: options.skillsRoot, request, top: options.top }));
        } else {
          throw new UsageError('give a request, or --eval <cases.jsonl>');
        }
      } catch (error) {
        if (error instanceof RoutingInputError) throw new UsageError(error.message);
        throw error;
      }
    });

  const scaffold = program.command('new').description('write a new skill folder or GTM recipe, listed where the package lists them');
  scaffold
    .command('skill')
    .description('write <name>/ with SKILL.md, a troubleshooting and a response-shapes page, and add it to the router\'s table')
    .argument('<name>', 'skill name: lower-case letters, digits and hyphens')
    .option('--skills-root <dir>', 'skills root', 'skills')
    .action((name: string, options: { skillsRoot: string }) => {
      for (const file of newSkill(options.skillsRoot, name).written) out(`wrote ${path.relative(process.cwd(), file)}\n`);
    });
  scaffold
    .command('recipe')
    .description('write a cargo-gtm recipe page and list it in the skill\'s recipe table and the README')
    .argument('<slug>', 'recipe file name without .md: lower-case letters, digits and hyphens')
    .option('--skills-root <dir>', 'skills root', 'skills')
    .option('--readme <file>', 'README that lists the recipes (default: the one beside the skills root)')
    .action((slug: string, options: { skillsRoot: string; readme?: string }) => {
      for (const file of newRecipe(options.skillsRoot, slug, options.readme).written) out(`wrote ${path.relative(process.cwd(), file)}\n`);
    });

  program
    .command('rules')
    .description('list every rule with its id, default severity, profile, whether --fix repairs it ("fix"), description and options')
    .addOption(new Option('-f, --format <format>', 'output format (markdown: the README\'s rule table)').choices(['text', 'json', 'markdown']).default('text'))
    .action((options: { format: 'text' | 'json' | 'markdown' }) => {
      if (options.format === 'json') out(`${JSON.stringify(allRules.map((rule) => rule.meta), null, 2)}\n`);
      else out(options.format === 'markdown' ? formatRuleTable(allRules) : formatRuleList(allRules));
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

interface CheckOptions {
  format: Format;
  profile?: 'spec' | 'cargo';
  quiet?: boolean;
  maxWarnings?: number;
  config?: string;
  explain?: boolean;
  threads?: number;
  fix?: boolean;
  fixDryRun?: boolean;
  watch?: boolean;
  referenceParsers?: boolean;
  stats?: boolean;
}

function describeRepairs(changes: FileChange[]): string {
  const repairs = changes.reduce((sum, change) => sum + change.repairs, 0);
  return `${repairs} repair${repairs === 1 ? '' : 's'} in ${changes.length} file${changes.length === 1 ? '' : 's'}`;
}

function exitCodeFor(diagnostics: Diagnostic[], maxWarnings: number | undefined): number {
  if (diagnostics.some((d) => d.severity === 'error')) return 1;
  const warnings = diagnostics.filter((d) => d.severity === 'warning').length;
  if (maxWarnings === undefined || warnings <= maxWarnings) return 0;
  process.stderr.write(`skill-lint: exit 1: ${warnings} warning${warnings === 1 ? '' : 's'}, more than --max-warnings ${maxWarnings}\n`);
  return 1;
}

/** A whole number written in decimal digits: Number() would also take '', '1e3', '0x1' and ' 2 '. */
function parseCount(value: string, option: string, least: number): number {
  const parsed = /^\d+$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isSafeInteger(parsed) || parsed < least) throw new UsageError(`${option} must be a whole number${least > 0 ? ` of at least ${least}` : ''} in decimal digits, not ${JSON.stringify(value)}`);
  return parsed;
}
