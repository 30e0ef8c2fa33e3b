// A recipe nobody can find is a recipe nobody runs: each one is listed in the skill's table and in the README.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { defineRule } from '../core/rule.ts';
import { resolveLink } from '../extract/links.ts';

const rule = defineRule({
  meta: {
    id: 'recipe-listed',
    description: 'Every recipe page (`folder` of the `skill`) is linked from a table in its SKILL.md and named in the `readme`.',
    severity: 'error',
    profile: 'cargo',
    options: {
      skill: { type: 'string', minLength: 1, default: 'cargo-gtm', description: 'the skill that holds the recipes' },
      folder: { type: 'string', minLength: 1, default: 'recipes', description: 'the recipe folder inside that skill' },
      readme: { type: 'string', minLength: 1, default: '../README.md', description: 'the README that names every recipe, relative to the skills root' },
    },
  },
  checkProject(project, context) {
    const { options } = context;
    const skill = project.skills.find((candidate) => candidate.name === options.skill);
    if (!skill) return;
    const folder = path.join(skill.dir, options.folder);
    const recipes = skill.files.filter((file) => path.dirname(file) === folder && file.endsWith('.md'));
    const inTable = new Set<string>();
    for (const link of skill.doc.links.filter((candidate) => candidate.inTable)) {
      const resolved = resolveLink(skill.doc, link, project.root);
      if (resolved.kind === 'file') inTable.add(resolved.target);
    }
    const readmePath = path.resolve(project.root, options.readme);
    const readme = existsSync(readmePath) ? readFileSync(readmePath, 'utf8') : undefined;
    const point = { line: 1, column: 1, offset: 0 };
    for (const recipe of recipes) {
      const relative = path.relative(skill.dir, recipe).split(path.sep).join('/');
      if (!inTable.has(recipe)) {
        context.report({ path: recipe, span: { start: point, end: point }, message: `Recipe \`${relative}\` is not listed in the recipe table of ${skill.name}/SKILL.md`, hint: `add a table row linking \`${relative}\`` });
      }
      if (readme !== undefined && !readme.includes(`${options.folder}/${path.basename(recipe)}`)) {
        context.report({ path: recipe, span: { start: point, end: point }, message: `Recipe \`${relative}\` is not listed in the README`, hint: `name \`${relative}\` in ${path.relative(project.root, readmePath)}'s recipe list` });
      }
    }
  },
});

export default rule;
