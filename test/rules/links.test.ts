import { describe, expect, it } from 'vitest';
import linkAnchor from '../../scripts/rules/link-anchor.ts';
import linkTarget from '../../scripts/rules/link-target.ts';
import orphanFile from '../../scripts/rules/orphan-file.ts';
import crossSkillLink from '../../scripts/rules/cross-skill-link.ts';
import { lintCase, runRuleTests, skillMd } from '../rule-tester.ts';

const body = (text: string) => `# A\n\n${text}\n`;

runRuleTests(linkTarget, {
  valid: [
    { name: 'relative link to a file', files: { 'a/SKILL.md': skillMd('a', body('[r](references/r.md)')), 'a/references/r.md': '# R\n' } },
    {
      name: 'base-directory prefixes that clients document',
      files: {
        'a/SKILL.md': skillMd('a', body('[r]({baseDir}/references/r.md) [s](${CLAUDE_SKILL_DIR}/scripts/run.py)')),
        'a/references/r.md': '[back]({baseDir}/SKILL.md)\n',
        'a/scripts/run.py': 'print(1)\n',
      },
    },
    { name: 'a /plugin:skill command is not a path', files: { 'a/SKILL.md': skillMd('a', body('Then run [brainstorming](/superpowers:brainstorming).')) } },
    { name: 'link into another skill', files: { 'a/SKILL.md': skillMd('a', body('[b](../b/SKILL.md)')), 'b/SKILL.md': skillMd('b') } },
    { name: 'external links are not fetched', files: { 'a/SKILL.md': skillMd('a', body('[x](https://example.com/missing) <mailto:x@y.z>')) } },
    { name: 'percent-encoded space', files: { 'a/SKILL.md': skillMd('a', body('[r](references/my%20page.md)')), 'a/references/my page.md': '# R\n' } },
    { name: 'reference-style link', files: { 'a/SKILL.md': skillMd('a', body('[r][ref]\n\n[ref]: references/r.md')), 'a/references/r.md': '# R\n' } },
  ],
  invalid: [
    {
      name: 'missing file, with the nearest name',
      files: { 'a/SKILL.md': skillMd('a', body('See [r](references/troubleshoting.md).')), 'a/references/troubleshooting.md.bak': '', 'a/references/trouble-shooting.md': '' },
      errors: [{ line: 12, column: 5, endLine: 12, endColumn: 38, message: /does not exist/, hint: /trouble-shooting\.md/ }],
    },
    { name: 'absolute path', files: { 'a/SKILL.md': skillMd('a', body('[x](/etc/passwd)')) }, errors: [{ line: 12, column: 1, message: /absolute path/ }] },
    {
      name: 'a base-directory prefix resolves to the skill folder, wherever the page is',
      files: { 'a/SKILL.md': skillMd('a', body('[r](references/r.md)')), 'a/references/r.md': '[x]({baseDir}/references/missing.md)\n' },
      errors: [{ file: 'a/references/r.md', line: 1, column: 1, message: /`\{baseDir\}\/references\/missing.md` does not exist/ }],
    },
    {
      name: 'option baseDirs replaces the prefixes: {baseDir} is then an ordinary relative path',
      options: { baseDirs: ['@skill'] },
      files: { 'a/SKILL.md': skillMd('a', body('[x]({baseDir}/references/r.md) [y](@skill/references/r.md)')), 'a/references/r.md': '# R\n' },
      errors: [{ line: 12, column: 1, message: /`\{baseDir\}\/references\/r.md` does not exist/ }],
    },
    { name: 'file: URL', files: { 'a/SKILL.md': skillMd('a', body('[x](file:///etc/passwd)')) }, errors: [{ line: 12, column: 1, message: /file: URL/ }] },
    { name: 'climbs out of the root', files: { 'a/SKILL.md': skillMd('a', body('[x](../../outside.md)')) }, errors: [{ line: 12, column: 1, message: /outside the skills root/ }] },
    {
      name: 'percent-encoded traversal',
      files: { 'a/SKILL.md': skillMd('a', body('[x](..%2F..%2Foutside.md)')) },
      errors: [{ line: 12, column: 1, endLine: 12, endColumn: 26, message: /outside the skills root/ }],
    },
    { name: 'malformed percent-encoding', files: { 'a/SKILL.md': skillMd('a', body('[x](bad%zz.md)')) }, errors: [{ line: 12, column: 1, endLine: 12, endColumn: 15, message: /percent-encoding/ }] },
    { name: 'image that is missing', files: { 'a/SKILL.md': skillMd('a', body('![d](img/d.png)')) }, errors: [{ line: 12, column: 1, endLine: 12, endColumn: 16, message: /does not exist/ }] },
  ],
});

runRuleTests(linkAnchor, {
  valid: [
    { name: 'same-page anchor', files: { 'a/SKILL.md': skillMd('a', '# A\n\n## Poll a run\n\n[p](#poll-a-run)\n') } },
    {
      name: 'anchor on another page with a duplicate-heading suffix',
      files: { 'a/SKILL.md': skillMd('a', body('[p](references/r.md#setup-1)')), 'a/references/r.md': '# R\n\n## Setup\n\n## Setup\n' },
    },
    { name: 'unicode and emoji heading', files: { 'a/SKILL.md': skillMd('a', '# A\n\n## Café 🚀 Déjà vu\n\n[p](#café--déjà-vu)\n') } },
    { name: 'explicit HTML anchor', files: { 'a/SKILL.md': skillMd('a', '# A\n\n<a id="custom"></a>\n\n[p](#custom)\n') } },
  ],
  invalid: [
    {
      name: 'same-page anchor missing',
      files: { 'a/SKILL.md': skillMd('a', '# A\n\n## Poll a run\n\n[p](#poll-the-run)\n') },
      errors: [{ line: 14, column: 1, endLine: 14, endColumn: 19, message: /#poll-the-run/, hint: /#poll-a-run/ }],
    },
    {
      name: 'anchor missing on another page',
      files: { 'a/SKILL.md': skillMd('a', body('[p](references/r.md#nowhere)')), 'a/references/r.md': '# R\n' },
      errors: [{ line: 12, column: 1, endLine: 12, endColumn: 29, message: /references\/r\.md/ }],
    },
  ],
});

describe('link-anchor suggestions', () => {
  it('offers a near anchor, and none when every heading is far from the one asked for', async () => {
    const near = await lintCase(linkAnchor, { name: 'near', files: { 'a/SKILL.md': skillMd('a', '# A\n\n## Poll a run\n\n[p](#pol-a-run)\n') } });
    expect(near[0].hint).toBe('did you mean `#poll-a-run`?');
    const far = await lintCase(linkAnchor, { name: 'far', files: { 'a/SKILL.md': skillMd('a', '# A\n\n## Poll a run\n\n[p](#installation-and-setup)\n') } });
    expect(far).toHaveLength(1);
    expect(far[0].hint).toBeUndefined();
  });
});

describe('orphan-file in the house profile', () => {
  it('counts links alone, as packaging ships only what is linked', async () => {
    const files = { 'a/SKILL.md': skillMd('a', body('Read `references/api.md` first.')), 'a/references/api.md': '# API\n' };
    expect(await lintCase(orphanFile, { name: 'house', profile: 'cargo', files })).toMatchObject([{ file: 'a/SKILL.md', message: /`references\/api.md`/ }]);
    expect(await lintCase(orphanFile, { name: 'spec', profile: 'spec', files })).toEqual([]);
  });
});

runRuleTests(orphanFile, {
  valid: [
    {
      name: 'reachable through another page',
      files: { 'a/SKILL.md': skillMd('a', body('[r](references/r.md)')), 'a/references/r.md': '[e](examples/e.md)\n', 'a/references/examples/e.md': '# E\n' },
    },
    { name: 'dotfiles are ignored', files: { 'a/SKILL.md': skillMd('a'), 'a/references/.keep': '' } },
    { name: 'a path in backticks', profile: 'spec', files: { 'a/SKILL.md': skillMd('a', body('Read `references/api.md` first.')), 'a/references/api.md': '# API\n' } },
    { name: 'a path in plain text, from a page reached by a link', profile: 'spec', files: { 'a/SKILL.md': skillMd('a', body('[g](guide.md)')), 'a/guide.md': 'See references/api.md for more.\n', 'a/references/api.md': '# API\n' } },
    { name: 'a script run in a code block', profile: 'spec', files: { 'a/SKILL.md': skillMd('a', body('```bash\npython scripts/pack.py in/ out.docx\n```')), 'a/scripts/pack.py': '' } },
    {
      name: 'files beside and below a script that is run',
      profile: 'spec',
      files: { 'a/SKILL.md': skillMd('a', body('Run `scripts/office/pack.py`.')), 'a/scripts/office/pack.py': '', 'a/scripts/office/helpers.py': '', 'a/scripts/office/schemas/w.xsd': '' },
    },
    {
      name: 'a path pattern with a placeholder',
      profile: 'spec',
      files: { 'a/SKILL.md': skillMd('a', body('Read `references/<lang>/api.md` for your language.')), 'a/references/go/api.md': '# Go\n', 'a/references/py/api.md': '# Py\n' },
    },
    { name: 'a folder named whole', profile: 'spec', files: { 'a/SKILL.md': skillMd('a', body('Fonts live in `canvas-fonts/`.')), 'a/canvas-fonts/A.ttf': '', 'a/canvas-fonts/B.ttf': '' } },
    { name: 'a name in another case, as a case-insensitive disk reads it', profile: 'spec', files: { 'a/SKILL.md': skillMd('a', body('Read FORMS.md to fill a form.')), 'a/docs/forms.md': '# Forms\n' } },
    { name: 'a rule id names its page', profile: 'spec', files: { 'a/SKILL.md': skillMd('a', body('- `state-lift-state`: lift state up')), 'a/rules/state-lift-state.md': '# Lift\n' } },
    { name: 'a Python import names its module', profile: 'spec', files: { 'a/SKILL.md': skillMd('a', body('```python\nfrom core.gif_builder import GIFBuilder\n```')), 'a/core/gif_builder.py': '' } },
    { name: 'a base-directory prefix', profile: 'spec', files: { 'a/SKILL.md': skillMd('a', body('Run `{baseDir}/scripts/run.sh`.')), 'a/scripts/run.sh': '' } },
    {
      name: 'prefixes of option baseDirs, in a link and in a path',
      profile: 'spec',
      options: { baseDirs: ['@skill'] },
      files: { 'a/SKILL.md': skillMd('a', body('[r](@skill/references/r.md) Run `@skill/scripts/run.sh`.')), 'a/references/r.md': '# R\n', 'a/scripts/run.sh': '' },
    },
    {
      name: 'a path that climbs from its page, ending in a folder',
      profile: 'spec',
      files: { 'a/SKILL.md': skillMd('a', body('[g](docs/guide.md)')), 'a/docs/guide.md': 'Templates: `../templates/./`.\n', 'a/templates/t.md': '# T\n' },
    },
  ],
  invalid: [
    {
      name: 'a link whose prefix option baseDirs no longer names',
      options: { baseDirs: ['@skill'] },
      files: { 'a/SKILL.md': skillMd('a', body('[r]({baseDir}/references/r.md)')), 'a/references/r.md': '# R\n' },
      errors: [{ file: 'a/SKILL.md', line: 1, column: 1, message: /`references\/r.md`/ }],
    },
    {
      name: 'page nobody links to or names',
      files: { 'a/SKILL.md': skillMd('a', body('[r](references/r.md)')), 'a/references/r.md': '# R\n', 'a/references/lost.md': '# Lost\n' },
      errors: [{ file: 'a/SKILL.md', line: 1, column: 1, message: /^1 file of a is neither linked nor named from its SKILL.md, directly or through other pages: `references\/lost.md`$/ }],
    },
    {
      name: 'one finding per skill, listing ten files and counting the rest',
      files: {
        'a/SKILL.md': skillMd('a'),
        ...Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`a/assets/f${String(i).padStart(2, '0')}.png`, ''])),
        'b/SKILL.md': skillMd('b'),
        'b/evals/case.json': '{}',
      },
      errors: [
        { file: 'a/SKILL.md', line: 1, column: 1, message: /^12 files of a are .*: `assets\/f00.png`, .*`assets\/f09.png` and 2 more$/ },
        { file: 'b/SKILL.md', line: 1, column: 1, message: /`evals\/case.json`/ },
      ],
    },
    {
      name: 'a page named only on an unreached page is not reached',
      profile: 'spec',
      files: { 'a/SKILL.md': skillMd('a'), 'a/references/one.md': 'See `references/two.md`.\n', 'a/references/two.md': '# Two\n' },
      errors: [{ file: 'a/SKILL.md', line: 1, column: 1, message: /2 files of a .*`references\/one.md`, `references\/two.md`/ }],
    },
    {
      name: 'a path whose last part names no file or folder of the skill',
      profile: 'spec',
      files: { 'a/SKILL.md': skillMd('a', body('Run `scripts/other.py` or see references/api.mdx.')), 'a/scripts/run.py': '', 'a/references/api.md': '# API\n' },
      errors: [{ file: 'a/SKILL.md', line: 1, column: 1, message: /2 files of a .*`references\/api.md`, `scripts\/run.py`/ }],
    },
    {
      name: 'a URL path is not a mention of a file',
      profile: 'spec',
      files: { 'a/SKILL.md': skillMd('a', body('See https://example.com/references/api.md.')), 'a/references/api.md': '# API\n' },
      errors: [{ file: 'a/SKILL.md', line: 1, column: 1, message: /`references\/api.md`/ }],
    },
  ],
});

runRuleTests(crossSkillLink, {
  valid: [
    { name: "a neighbour's SKILL.md", files: { 'a/SKILL.md': skillMd('a', body('Load [b](../b/SKILL.md) instead.')), 'b/SKILL.md': skillMd('b') } },
    {
      name: "the router's references, from a page in references/",
      files: {
        'a/SKILL.md': skillMd('a', body('[more](references/more.md)')),
        'a/references/more.md': '# More\n\nThe router\'s [gotchas](../../cargo/references/gotchas.md).\n',
        'cargo/SKILL.md': skillMd('cargo'),
        'cargo/references/gotchas.md': '# Gotchas\n',
      },
    },
    {
      name: 'a router named by the option',
      options: { router: 'hub' },
      files: { 'a/SKILL.md': skillMd('a', body('[g](../hub/references/g.md)')), 'hub/SKILL.md': skillMd('hub'), 'hub/references/g.md': '# G\n' },
    },
    { name: 'links inside its own folder', files: { 'a/SKILL.md': skillMd('a', body('[r](references/r.md)')), 'a/references/r.md': '# R\n' } },
  ],
  invalid: [
    {
      name: "a neighbour's reference page",
      files: { 'a/SKILL.md': skillMd('a', body('See [polling](../b/references/polling.md).')), 'b/SKILL.md': skillMd('b'), 'b/references/polling.md': '# P\n' },
      errors: [{ line: 12, column: 5, endLine: 12, endColumn: 42, message: 'Link into `b/references/polling.md`: that page is missing when `a` is installed without `b`', hint: /SKILL\.md/ }],
    },
    {
      name: "the router's own pages other than references/, and a neighbour's page linked from the router",
      files: {
        'a/SKILL.md': skillMd('a', body('[x](../cargo/extra.md)')),
        'cargo/SKILL.md': skillMd('cargo', body('[a](../a/SKILL.md) and [deep](../a/references/deep.md)')),
        'cargo/extra.md': '# X\n',
        'a/references/deep.md': '# D\n',
      },
      errors: [
        { file: 'a/SKILL.md', line: 12, column: 1, endLine: 12, endColumn: 23, message: /`cargo\/extra\.md`/ },
        { file: 'cargo/SKILL.md', line: 12, column: 24, endLine: 12, endColumn: 55, message: /`a\/references\/deep\.md`: that page is missing when `cargo` is installed without `a`/ },
      ],
    },
  ],
});
