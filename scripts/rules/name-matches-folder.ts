// The specification requires a skill's `name` to equal its folder name; installers key on both.
import type { Rule } from '../core/rule.ts';

const rule: Rule = {
  meta: {
    id: 'name-matches-folder',
    description: 'The frontmatter `name` equals the skill folder name.',
    severity: 'error',
    profile: 'spec',
  },
  checkProject(project, context) {
    for (const skill of project.skills) {
      const value = skill.doc.frontmatter.value as { name?: unknown } | undefined;
      if (typeof value?.name !== 'string' || value.name === skill.name) continue;
      const span = skill.doc.frontmatter.valueSpans.get('name') ?? skill.doc.frontmatter.span!;
      context.report({
        path: skill.doc.file.path,
        span,
        message: `Skill name \`${value.name}\` differs from its folder \`${skill.name}\``,
        hint: `rename one of them: \`name: ${skill.name}\``,
      });
    }
  },
};

export default rule;
