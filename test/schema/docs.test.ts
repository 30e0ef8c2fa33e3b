import { describe, expect, it } from 'vitest';
import { GENERATED_MARK, renderCommandsPage } from '../../scripts/commands/docs.ts';
import { commandsOf } from '../../scripts/schema/index.ts';

describe('renderCommandsPage', () => {
  const page = renderCommandsPage('orchestration');

  it('is marked as generated and stable', () => {
    expect(page.startsWith(`${GENERATED_MARK}\n`)).toBe(true);
    expect(renderCommandsPage('orchestration')).toBe(page);
    expect(page).toMatch(/@cargo-ai\/api 1\.0\.57/);
  });

  it('has a heading per resource and per command, for every command of the domain', () => {
    const commands = commandsOf('orchestration');
    for (const resource of new Set(commands.map((command) => command.path[1]))) expect(page).toContain(`\n## ${resource}\n`);
    for (const command of commands) expect(page).toContain(`\n### \`${command.path.slice(1).join(' ')}\`\n`);
    expect(page.match(/^### /gm)).toHaveLength(commands.length);
  });

  it('shows usage, positionals, flag types, required marks and enum values', () => {
    expect(page).toContain('cargo-ai orchestration run get <uuid>');
    expect(page).toContain('| `<uuid>` | string | yes |');
    expect(page).toContain('cargo-ai orchestration query execute <sql>');
    expect(page).toMatch(/\| `--workflow-uuid` \| string \| yes \|/);
    expect(page).toMatch(/\| `--is-finished` \| switch \| no \|/);
    expect(page).toMatch(/\| `--format` \| enum \| no \| `csv`, `json` \|/);
    expect(page).toMatch(/\| `--statuses` \| list \| no \| .*`success`/);
    expect(page).toMatch(/\| `--wait-until-finished` \| switch \| no \|/);
  });

  it('keeps the camelCase domain and refuses unknown ones', () => {
    expect(renderCommandsPage('workspaceManagement')).toContain('cargo-ai workspaceManagement session upsert');
    expect(() => renderCommandsPage('nope')).toThrow(/unknown domain `nope`/);
  });
});
