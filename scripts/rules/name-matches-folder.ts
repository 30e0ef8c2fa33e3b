// The specification requires a skill's `name` to equal its folder name; installers key on both.
import type { Rule } from '../core/rule.ts';

/** Lower-case letters and digits in hyphen-separated runs: the Agent Skills specification's `name`. */
const SPEC_NAME = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const rule: Rule = {
  meta: {
    id: 'name-matches-folder',
    description: 'The frontmatter `name` equals the skill folder name.',
    severity: 'error',
    profile: 'spec',
    fixable: true,
  },
  checkProject(project, context) {
    for (const skill of project.skills) {
      const value = skill.doc.frontmatter.value as { name?: unknown } | undefined;
      if (typeof value?.name !== 'string' || value.name === skill.name) continue;
      const valueSpan = skill.doc.frontmatter.valueSpans.get('name');
      const span = valueSpan ?? skill.doc.frontmatter.span!;
      // The folder's name goes in as a plain YAML scalar, so only a name the specification allows is written.
      const fix = valueSpan && SPEC_NAME.test(skill.name) ? [{ start: valueSpan.start.offset, end: valueSpan.end.offset, text: skill.name }] : undefined;
      context.report({
        path: skill.doc.file.path,
        span,
        message: `Skill name \`${value.name}\` differs from its folder \`${skill.name}\``,
        hint: `rename one of them: \`name: ${skill.name}\``,
        ...(fix ? { fix } : {}),
      });
    }
  },
};

export default rule;
