import { describe, expect, it } from 'vitest';
import { extractInvocations, extractShell, invocationToJson, offsetInValue } from '../../scripts/extract/invocations.ts';
import { arg, argvs, docOf, fence, textAt, where } from './helpers.ts';

const extract = (markdown: string) => extractInvocations(docOf(markdown));

describe('fenced shell blocks', () => {
  it('extracts a simple command with program, args, file and spans', () => {
    const doc = docOf(['# Runs', '', fence('bash', 'cargo-ai orchestration run list --is-finished')].join('\n'), 'skills/x/SKILL.md');
    const [inv] = extractInvocations(doc);
    expect(inv.file).toBe('skills/x/SKILL.md');
    expect(inv.source).toBe('fence');
    expect(inv.program.value).toBe('cargo-ai');
    expect(where(inv.program)).toBe('4:1-4:9');
    expect(argvs([inv])).toEqual([['orchestration', 'run', 'list', '--is-finished']]);
    expect(where(arg(inv, '--is-finished'))).toBe('4:33-4:46');
    expect(textAt(doc, inv.span)).toBe('cargo-ai orchestration run list --is-finished');
  });

  it.each(['bash', 'sh', 'shell', 'zsh', 'BASH'])('reads `%s` blocks', (lang) => {
    expect(argvs(extract(fence(lang, 'cargo-ai whoami')))).toEqual([['whoami']]);
  });

  it.each(['json', 'text', 'python', 'yaml'])('ignores `%s` blocks', (lang) => {
    expect(extract(fence(lang, 'cargo-ai whoami'))).toEqual([]);
  });

  it('follows backslash continuations and keeps each word on its own line', () => {
    const doc = docOf(
      fence(
        'bash',
        'cargo-ai orchestration run list \\',
        '  --workflow-uuid <workflow-uuid> \\',
        '  --statuses success,error',
      ),
    );
    const [inv] = extractInvocations(doc);
    expect(argvs([inv])).toEqual([
      ['orchestration', 'run', 'list', '--workflow-uuid', '<workflow-uuid>', '--statuses', 'success,error'],
    ]);
    expect(where(arg(inv, '--workflow-uuid'))).toBe('3:3-3:18');
    expect(where(arg(inv, '<workflow-uuid>'))).toBe('3:19-3:34');
    expect(where(arg(inv, 'success,error'))).toBe('4:14-4:27');
    expect(inv.span.start.line).toBe(2);
    expect(inv.span.end).toMatchObject({ line: 4, column: 27 });
  });

  it('joins a word split by a continuation without spaces', () => {
    expect(argvs(extract(fence('bash', 'cargo-ai ai agent li\\', 'st')))).toEqual([['ai', 'agent', 'list']]);
  });

  it('removes quotes and escapes from values and keeps them in raw', () => {
    const [inv] = extract(
      fence('bash', `cargo-ai content page create --title "Q3 \\"plan\\"" --body 'it''s' --tag a\\ b --note "cost: \\$5"`),
    );
    expect(argvs([inv])[0].slice(3)).toEqual(['--title', 'Q3 "plan"', '--body', 'its', '--tag', 'a b', '--note', 'cost: $5']);
    expect(arg(inv, 'Q3 "plan"').raw).toBe('"Q3 \\"plan\\""');
    expect(arg(inv, 'Q3 "plan"').dynamic).toBe(false);
    expect(arg(inv, 'its').raw).toBe(`'it''s'`);
  });

  it('decodes $\'...\' strings', () => {
    const [inv] = extract(fence('bash', `cargo-ai ai agent message --text $'line one\\nline two'`));
    expect(arg(inv, 'line one\nline two').raw).toBe(`$'line one\\nline two'`);
  });

  it('finds commands inside $(...) and backticks', () => {
    const doc = docOf(
      fence(
        'bash',
        'UUID=$(cargo-ai orchestration run create --workflow-uuid <uuid> | jq -r .run.uuid)',
        'echo "started `cargo-ai whoami`"',
      ),
    );
    const invocations = extractInvocations(doc);
    expect(argvs(invocations)).toEqual([
      ['orchestration', 'run', 'create', '--workflow-uuid', '<uuid>'],
      ['whoami'],
    ]);
    expect(where(invocations[0].program)).toBe('2:8-2:16');
    expect(where(invocations[1].args[0])).toBe('3:25-3:31');
  });

  it('finds every command of pipes, lists and sequences, and only cargo-ai ones', () => {
    const invocations = extract(
      fence(
        'bash',
        'cargo-ai whoami | jq .user; cargo-ai storage model list && cargo-ai ai agent list || echo failed',
        'cargo-ai logout & wait',
      ),
    );
    expect(argvs(invocations)).toEqual([['whoami'], ['storage', 'model', 'list'], ['ai', 'agent', 'list'], ['logout']]);
  });

  it('finds commands in loops, conditionals, functions and subshells', () => {
    const invocations = extract(
      fence(
        'bash',
        'for uuid in a b; do',
        '  cargo-ai orchestration run get "$uuid"',
        'done',
        'while true; do cargo-ai orchestration batch get <uuid> && break; sleep 5; done',
        'if cargo-ai whoami >/dev/null 2>&1; then echo ok; else cargo-ai login --oauth; fi',
        'poll() { cargo-ai orchestration run get "$1"; }',
        '(cd /tmp && cargo-ai storage dataset list)',
        'case "$1" in start) cargo-ai orchestration run create ;; esac',
      ),
    );
    expect(argvs(invocations)).toEqual([
      ['orchestration', 'run', 'get', '$uuid'],
      ['orchestration', 'batch', 'get', '<uuid>'],
      ['whoami'],
      ['login', '--oauth'],
      ['orchestration', 'run', 'get', '$1'],
      ['storage', 'dataset', 'list'],
      ['orchestration', 'run', 'create'],
    ]);
  });

  it('marks words holding variables or substitutions as dynamic', () => {
    const [inv] = extract(
      fence('bash', 'cargo-ai orchestration run get $RUN --a "${X:-y}" --b "pre-$(date)" --c plain --d \'$NOT\''),
    );
    const dynamic = Object.fromEntries(inv.args.map((word) => [word.raw, word.dynamic]));
    expect(dynamic).toMatchObject({ $RUN: true, '"${X:-y}"': true, '"pre-$(date)"': true, plain: false, "'$NOT'": false });
    expect(arg(inv, '$RUN').value).toBe('$RUN');
    expect(arg(inv, 'pre-$(date)').raw).toBe('"pre-$(date)"');
    expect(arg(inv, '$NOT').dynamic).toBe(false);
  });

  it('ignores comments, whole-line and trailing', () => {
    const invocations = extract(fence('bash', '# cargo-ai orchestration run list', 'cargo-ai whoami # cargo-ai logout --now'));
    expect(argvs(invocations)).toEqual([['whoami']]);
  });

  it('handles heredocs: quoted bodies are text, unquoted bodies may substitute', () => {
    const invocations = extract(
      fence(
        'bash',
        "cat <<'EOF' > notes.txt",
        'cargo-ai this is only text',
        'EOF',
        'cargo-ai storage dataset create --name x <<EOF',
        'body $(cargo-ai whoami)',
        'EOF',
        'cargo-ai ai agent list',
      ),
    );
    expect(argvs(invocations)).toEqual([['storage', 'dataset', 'create', '--name', 'x'], ['whoami'], ['ai', 'agent', 'list']]);
  });

  it('skips assignments and wrappers before the program', () => {
    const doc = docOf(
      fence(
        'bash',
        'CARGO_TOKEN=abc DEBUG=1 cargo-ai whoami',
        'env -i HOME=/tmp cargo-ai logout',
        'command cargo-ai ai agent list',
        'export RUN=$(cargo-ai orchestration run create)',
        'time cargo-ai storage model list',
      ),
    );
    const invocations = extractInvocations(doc);
    expect(argvs(invocations)).toEqual([
      ['whoami'],
      ['logout'],
      ['ai', 'agent', 'list'],
      ['orchestration', 'run', 'create'],
      ['storage', 'model', 'list'],
    ]);
    expect(where(invocations[0].program)).toBe('2:25-2:33');
    expect(textAt(doc, invocations[0].span)).toBe('cargo-ai whoami');
  });

  it('does not treat cargo-ai as a command when it is an argument', () => {
    expect(extract(fence('bash', 'echo cargo-ai whoami', 'which cargo-ai', 'npm install -g @cargo-ai/cli'))).toEqual([]);
  });

  it('keeps redirections out of the arguments', () => {
    const [inv] = extract(fence('bash', 'cargo-ai storage dataset list > datasets.json 2>/dev/null'));
    expect(argvs([inv])).toEqual([['storage', 'dataset', 'list']]);
  });
});

describe('npx forms', () => {
  it.each([
    ['npx @cargo-ai/cli whoami', 19],
    ['npx -y @cargo-ai/cli whoami', 22],
    ['npx --yes @cargo-ai/cli@1.2.3 whoami', 31],
    ['npx @cargo-ai/cli@latest whoami', 26],
    ['npx -p @cargo-ai/cli cargo-ai whoami', 31],
    ['npx --package=@cargo-ai/cli cargo-ai whoami', 38],
  ])('%s', (command, column) => {
    const doc = docOf(fence('bash', command));
    const [inv] = extractInvocations(doc);
    expect(inv.program.value).toBe('npx');
    expect(where(inv.program)).toBe('2:1-2:4');
    expect(argvs([inv])).toEqual([['whoami']]);
    expect(inv.args[0].span.start.column).toBe(column);
    expect(textAt(doc, inv.span)).toBe(command);
  });

  it.each(['npx @cargo-ai/api whoami', 'npx cargo-ai-tools whoami', 'npx -p other cargo-ai whoami'])(
    'ignores %s',
    (command) => {
      expect(extract(fence('bash', command))).toEqual([]);
    },
  );
});

describe('console blocks', () => {
  it('reads prompt lines as commands and the rest as output', () => {
    const doc = docOf(
      fence(
        'console',
        '$ cargo-ai whoami',
        'cargo-ai: logged in as ada@example.com',
        '% cargo-ai ai agent list',
        '[]',
      ),
    );
    const invocations = extractInvocations(doc);
    expect(argvs(invocations)).toEqual([['whoami'], ['ai', 'agent', 'list']]);
    expect(where(invocations[0].program)).toBe('2:3-2:11');
    expect(where(invocations[1].args[2])).toBe('4:21-4:25');
  });

  it('follows continuation lines, open quotes and PS2 prompts', () => {
    const doc = docOf(
      fence(
        'console',
        '$ cargo-ai orchestration run list \\',
        '    --limit 5',
        "$ cargo-ai storage segment count --filter '{",
        '>   "conjonction": "and"',
        "> }'",
        '{"count": 3}',
      ),
    );
    const invocations = extractInvocations(doc);
    expect(argvs(invocations)).toEqual([
      ['orchestration', 'run', 'list', '--limit', '5'],
      ['storage', 'segment', 'count', '--filter', '{\n  "conjonction": "and"\n}'],
    ]);
    expect(where(arg(invocations[0], '5'))).toBe('3:13-3:14');
    expect(where(invocations[1].args[4])).toBe('4:43-6:5');
  });

  it('reads a bash block that starts with a prompt as a session', () => {
    const doc = docOf(fence('bash', '$ cargo-ai whoami', '{"user": "ada"}'));
    const result = extractShell(doc);
    expect(argvs(result.invocations)).toEqual([['whoami']]);
    expect(where(result.invocations[0].program)).toBe('2:3-2:11');
    expect(result.errors).toEqual([]);
  });

  it('does not report output as a syntax error', () => {
    const result = extractShell(docOf(fence('console', '$ cargo-ai whoami', "it's (not) shell | & <")));
    expect(result.errors).toEqual([]);
    expect(argvs(result.invocations)).toEqual([['whoami']]);
  });
});

describe('unlabelled blocks', () => {
  it('reads a block whose first line is a cargo-ai command', () => {
    expect(argvs(extract(fence('', '', 'cargo-ai whoami', 'cargo-ai logout')))).toEqual([['whoami'], ['logout']]);
  });

  it('reads a block starting with npx', () => {
    expect(argvs(extract(fence('', 'npx -y @cargo-ai/cli whoami')))).toEqual([['whoami']]);
  });

  it('reads a block starting with a prompt as a session', () => {
    expect(argvs(extract(fence('', '$ cargo-ai whoami', 'cargo-ai output line')))).toEqual([['whoami']]);
  });

  it('ignores a block that starts with prose or output', () => {
    expect(extract(fence('', 'Result of cargo-ai whoami:', 'cargo-ai whoami'))).toEqual([]);
  });

  it('ignores blocks that never mention cargo-ai, without parsing them', () => {
    const result = extractShell(docOf(fence('bash', "echo 'unclosed")));
    expect([result.invocations, result.errors, result.commands]).toEqual([[], [], []]);
  });
});

describe('inline code', () => {
  it('reads inline commands with their columns', () => {
    const doc = docOf('Run `cargo-ai orchestration run get <uuid>` to poll, or `npx @cargo-ai/cli whoami`.');
    const invocations = extractInvocations(doc);
    expect(invocations.map((inv) => inv.source)).toEqual(['inline', 'inline']);
    expect(argvs(invocations)).toEqual([['orchestration', 'run', 'get', '<uuid>'], ['whoami']]);
    expect(where(arg(invocations[0], '<uuid>'))).toBe('1:37-1:43');
    expect(where(invocations[1].program)).toBe('1:58-1:61');
  });

  it('only reads inline code that starts with a command', () => {
    expect(extract('The `cargo-ai` CLI; see `echo cargo-ai whoami` and `--workflow-uuid`.')).toEqual([]);
    expect(extract('Prefix commands with `npx @cargo-ai/cli` or `npx -y @cargo-ai/cli@latest`.')).toEqual([]);
    expect(argvs(extract('Or `npx -y @cargo-ai/cli@latest whoami`.'))).toEqual([['whoami']]);
  });

  it('treats a line break inside inline code as a space', () => {
    const doc = docOf('Run `cargo-ai orchestration\nrun list` now.');
    const [inv] = extractInvocations(doc);
    expect(argvs([inv])).toEqual([['orchestration', 'run', 'list']]);
    expect(where(arg(inv, 'run'))).toBe('2:1-2:4');
  });

  it('reports an unparseable inline command as an error, not an invocation', () => {
    const result = extractShell(docOf("Try `cargo-ai x --filter '{` here."));
    expect(result.invocations).toEqual([]);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatchObject({ source: 'inline', span: { start: { line: 1, column: 26 } } });
  });
});

describe('positions', () => {
  it('maps CRLF documents exactly and keeps carriage returns out of values', () => {
    const doc = docOf(['# T', '', '```bash', 'cargo-ai orchestration run list \\', '  --limit 5', '```', ''].join('\r\n'));
    const [inv] = extractInvocations(doc);
    expect(argvs([inv])).toEqual([['orchestration', 'run', 'list', '--limit', '5']]);
    expect(where(arg(inv, '--limit'))).toBe('5:3-5:10');
    expect(textAt(doc, arg(inv, '5').span)).toBe('5');
  });

  it('maps blocks inside list items and block quotes', () => {
    const doc = docOf(
      [
        '1. Create the run:',
        '',
        '   ```bash',
        '   cargo-ai orchestration run create \\',
        '     --workflow-uuid <uuid> \\',
        "     --data '{\"a\": 1}'",
        '   ```',
        '',
        '> ```sh',
        '> cargo-ai whoami',
        '> ```',
      ].join('\n'),
    );
    const [create, whoami] = extractInvocations(doc);
    expect(where(create.program)).toBe('4:4-4:12');
    expect(where(arg(create, '--workflow-uuid'))).toBe('5:6-5:21');
    expect(where(arg(create, '{"a": 1}'))).toBe('6:13-6:23');
    expect(textAt(doc, arg(create, '{"a": 1}').span)).toBe(`'{"a": 1}'`);
    expect(where(whoami.args[0])).toBe('10:12-10:18');
  });

  it('spans multi-line JSON in single quotes, and the value parses as JSON', () => {
    const doc = docOf(
      [
        '- Count contacts:',
        '',
        '  ```bash',
        '  cargo-ai storage segment count --filter \'{',
        '    "conjonction": "and",',
        '    "groups": []',
        "  }'",
        '  ```',
      ].join('\n'),
    );
    const [inv] = extractInvocations(doc);
    const filter = inv.args[4];
    expect(JSON.parse(filter.value)).toEqual({ conjonction: 'and', groups: [] });
    expect(where(filter)).toBe('4:43-7:5');
    expect(filter.raw.startsWith("'{\n  \"conjonction\"")).toBe(true);
  });

  it('counts columns in UTF-16 units after non-ASCII text', () => {
    const doc = docOf(
      [
        '## Réglages 😀',
        '',
        '```bash',
        'echo "café 😀 ✓" && cargo-ai whoami --format json',
        '```',
        '',
        'Voilà — `cargo-ai storage model get-ddl <uuid>` 🚀 `cargo-ai logout`',
      ].join('\n'),
    );
    const invocations = extractInvocations(doc);
    expect(where(invocations[0].program)).toBe('4:21-4:29');
    expect(textAt(doc, arg(invocations[0], 'json').span)).toBe('json');
    expect(where(arg(invocations[1], '<uuid>'))).toBe('7:41-7:47');
    expect(textAt(doc, invocations[2].args[0].span)).toBe('logout');
  });

  it('orders invocations by position across blocks and inline code', () => {
    const invocations = extract(['Use `cargo-ai whoami` first.', '', fence('bash', 'cargo-ai logout'), '', 'Then `cargo-ai login --oauth`.'].join('\n'));
    expect(argvs(invocations)).toEqual([['whoami'], ['logout'], ['login', '--oauth']]);
  });
});

describe('placeholders', () => {
  it('keeps placeholders as single words', () => {
    const [inv] = extract(
      fence('bash', 'cargo-ai login --token <your-api-token> --workspace-uuid <play.workflowUuid> --name <your value here>'),
    );
    expect(argvs([inv])).toEqual([
      ['login', '--token', '<your-api-token>', '--workspace-uuid', '<play.workflowUuid>', '--name', '<your value here>'],
    ]);
    expect(arg(inv, '<your value here>').raw).toBe('<your value here>');
  });

  it('keeps placeholders inside quotes and inside words', () => {
    const [inv] = extract(fence('bash', `cargo-ai x --data '{"email":"<email>"}' --uuids <a>,<b> --url https://x.test/<id>`));
    expect(argvs([inv])[0].slice(1)).toEqual(['--data', '{"email":"<email>"}', '--uuids', '<a>,<b>', '--url', 'https://x.test/<id>']);
  });

  it('still reads real redirections and heredocs', () => {
    const invocations = extract(fence('bash', 'cargo-ai storage dataset list <input.txt >out.json 2>err.log', 'cat <<EOF', '<b>', 'EOF'));
    expect(argvs(invocations)).toEqual([['storage', 'dataset', 'list']]);
  });
});

describe('syntax errors', () => {
  it('reports the error position and keeps the commands before and after it', () => {
    const doc = docOf(
      fence(
        'bash',
        'cargo-ai whoami',
        '',
        "cargo-ai orchestration run list --filter '{",
        '',
        'cargo-ai logout',
      ),
    );
    const result = extractShell(doc);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatchObject({ source: 'fence', lang: 'bash', span: { start: { line: 4, column: 42 } } });
    expect(result.errors[0].message).toMatch(/quote/);
    expect(argvs(result.invocations)).toEqual([['whoami'], ['logout']]);
  });

  it('recovers the commands after the next blank line', () => {
    const result = extractShell(docOf(fence('bash', 'cargo-ai whoami', 'cargo-ai x (bad)', '', 'cargo-ai logout')));
    expect(result.errors.map((error) => error.span.start.line)).toEqual([3]);
    expect(argvs(result.invocations)).toEqual([['whoami'], ['logout']]);
  });

  it('returns the same result object for the same document', () => {
    const doc = docOf(fence('bash', 'cargo-ai whoami'));
    expect(extractShell(doc)).toBe(extractShell(doc));
    expect(extractInvocations(doc)).toBe(extractShell(doc).invocations);
  });
});

describe('invocationToJson', () => {
  it('serialises argv, position and raw text', () => {
    const doc = docOf(fence('bash', 'npx -y @cargo-ai/cli orchestration run get \\', '  <uuid>'), 'a.md');
    const [inv] = extractInvocations(doc);
    expect(invocationToJson(inv, doc.text)).toEqual({
      file: 'a.md',
      line: 2,
      column: 1,
      argv: ['cargo-ai', 'orchestration', 'run', 'get', '<uuid>'],
      raw: 'npx -y @cargo-ai/cli orchestration run get \\\n  <uuid>',
    });
    expect(invocationToJson(inv).raw).toBe('npx orchestration run get <uuid>');
  });
});

describe('offsetInValue', () => {
  it('points into multi-line JSON inside a list item', () => {
    const doc = docOf(
      ['- Count:', '', '  ```bash', "  cargo-ai storage segment count --filter '{", '    "conjonction": "and",', '    "groups": [1,]', "  }'", '  ```'].join('\n'),
    );
    const [inv] = extractInvocations(doc);
    const filter = arg(inv, '--filter');
    const json = inv.args[inv.args.indexOf(filter) + 1];
    const at = (needle: string) => doc.pointAt(offsetInValue(doc, json, json.value.indexOf(needle)) as number);
    expect(at('{')).toMatchObject({ line: 4, column: 44 });
    expect(at('"conjonction"')).toMatchObject({ line: 5, column: 5 });
    expect(at(',]')).toMatchObject({ line: 6, column: 17 });
    expect(at('}')).toMatchObject({ line: 7, column: 3 });
  });

  it('works on unquoted and double-quoted words, with CRLF', () => {
    const doc = docOf(['```bash', 'cargo-ai x --a plain --b "two', '  middle', 'lines"', '```', ''].join('\r\n'));
    const [inv] = extractInvocations(doc);
    expect(doc.pointAt(offsetInValue(doc, arg(inv, 'plain'), 2) as number)).toMatchObject({ line: 2, column: 18 });
    const two = inv.args[4];
    expect(doc.text[offsetInValue(doc, two, 1) as number]).toBe('w');
    expect(two.value).toBe('two\n  middle\nlines');
    expect(doc.pointAt(offsetInValue(doc, two, two.value.indexOf('middle')) as number)).toMatchObject({ line: 3, column: 3 });
    expect(doc.pointAt(offsetInValue(doc, two, two.value.indexOf('lines')) as number)).toMatchObject({ line: 4, column: 1 });
  });

  it('gives up when escapes changed the text', () => {
    const doc = docOf(fence('bash', 'cargo-ai x --a "say \\"hi\\""'));
    const [inv] = extractInvocations(doc);
    expect(offsetInValue(doc, inv.args[2], 0)).toBeUndefined();
  });
});

describe('how output flows between commands', () => {
  /** Each command of the markdown as `program <- input program`, `program > file`. */
  const flows = (markdown: string) =>
    extractShell(docOf(markdown)).commands.map((command) => {
      const input = command.input ? ` <- ${command.input.words[0].value}` : '';
      const writes = command.writes ? ` > ${command.writes}` : '';
      return `${command.words[0].value}${input}${writes}`;
    });

  it('links a pipe to the command before it, inside $(…) and across continuations too', () => {
    expect(flows(fence('bash', `cargo-ai whoami | jq .a`, `x=$(cargo-ai whoami 2>/dev/null | jq -r .b)`, 'cargo-ai whoami \\', '  | jq .c | head -1'))).toEqual([
      'cargo-ai',
      'jq <- cargo-ai',
      'cargo-ai',
      'jq <- cargo-ai',
      'cargo-ai',
      'jq <- cargo-ai',
      'head <- jq',
    ]);
  });

  it('does not read `||`, `|&` or a pipe out of a loop as a pipe from the last command', () => {
    expect(flows(fence('bash', 'cargo-ai whoami || jq .a', 'while true; do cargo-ai whoami; done | jq .b', 'cargo-ai whoami |& jq .c'))).toEqual([
      'cargo-ai',
      'jq',
      'true',
      'cargo-ai',
      'jq',
      'cargo-ai',
      'jq',
    ]);
  });

  it('records the file standard output goes to, not other descriptors', () => {
    expect(flows(fence('bash', 'cargo-ai whoami > me.json', 'cargo-ai whoami >> "log.json" 2>&1', 'cargo-ai whoami 2> err.txt', 'cargo-ai whoami 1>out.json'))).toEqual([
      'cargo-ai > me.json',
      'cargo-ai > log.json',
      'cargo-ai',
      'cargo-ai > out.json',
    ]);
  });

  it('reads terminal sessions and inline code too', () => {
    expect(flows(`${fence('console', '$ cargo-ai whoami | jq .a', '{"a": 1}')}\nRun \`cargo-ai whoami > me.json\` first.`)).toEqual(['cargo-ai', 'jq <- cargo-ai', 'cargo-ai > me.json']);
  });
});
