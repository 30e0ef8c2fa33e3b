import routerCatalog from '../../scripts/rules/router-catalog.ts';
import skillFolder from '../../scripts/rules/skill-folder.ts';
import symlink from '../../scripts/rules/symlink.ts';
import { runRuleTests, skillMd } from '../rule-tester.ts';

runRuleTests(routerCatalog, {
  valid: [
    {
      name: 'router links every skill',
      files: { 'cargo/SKILL.md': skillMd('cargo', '# R\n\n[b](../b/SKILL.md) [c](../c/SKILL.md)\n'), 'b/SKILL.md': skillMd('b'), 'c/SKILL.md': skillMd('c') },
    },
    { name: 'no router in the tree', files: { 'b/SKILL.md': skillMd('b'), 'c/SKILL.md': skillMd('c') } },
    { name: 'router name from options', options: { router: 'hub' }, files: { 'hub/SKILL.md': skillMd('hub', '# R\n\n[b](../b/SKILL.md)\n'), 'b/SKILL.md': skillMd('b') } },
  ],
  invalid: [
    {
      name: 'router misses a skill',
      files: { 'cargo/SKILL.md': skillMd('cargo', '# R\n\n[b](../b/SKILL.md)\n'), 'b/SKILL.md': skillMd('b'), 'c/SKILL.md': skillMd('c') },
      errors: [{ file: 'cargo/SKILL.md', line: 1, column: 1, endLine: 1, endColumn: 1, message: /does not link to skill `c`/ }],
    },
    {
      name: 'profile spec skips it, profile cargo runs it',
      files: { 'cargo/SKILL.md': skillMd('cargo'), 'b/SKILL.md': skillMd('b') },
      errors: [{ file: 'cargo/SKILL.md', line: 1, column: 1, endLine: 1, endColumn: 1, message: /skill `b`/ }],
    },
  ],
});

runRuleTests(skillFolder, {
  valid: [{ name: 'every folder has SKILL.md', files: { 'a/SKILL.md': skillMd('a'), '.github/x.md': '' } }],
  invalid: [
    { name: 'lower-case skill.md', files: { 'a/SKILL.md': skillMd('a'), 'b/skill.md': skillMd('b') }, errors: [{ file: 'b/skill.md', line: 1, column: 1, endLine: 1, endColumn: 1, hint: /rename `skill.md`/ }] },
    { name: 'folder without SKILL.md', files: { 'a/SKILL.md': skillMd('a'), 'notes/readme.md': '# n\n' }, errors: [{ file: 'notes', line: 1, column: 1, endLine: 1, endColumn: 1 }] },
  ],
});

runRuleTests(symlink, {
  valid: [{ name: 'plain files', files: { 'a/SKILL.md': skillMd('a') } }],
  invalid: [
    { name: 'link out of the tree', files: { 'a/SKILL.md': skillMd('a'), 'a/references/passwd': { symlink: '/etc/passwd' } }, errors: [{ file: 'a/references/passwd', line: 1, column: 1, endLine: 1, endColumn: 1, message: /symbolic link/ }] },
    { name: 'symlink loop', files: { 'a/SKILL.md': skillMd('a'), 'a/loop': { symlink: 'loop' } }, errors: [{ file: 'a/loop', line: 1, column: 1, endLine: 1, endColumn: 1 }] },
  ],
});
