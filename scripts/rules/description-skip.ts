// Neighbouring skills overlap at their edges; a description that names the neighbour to load
// instead ("For invoices, use cargo-billing") stops a router from picking the wrong one.
import type { Rule } from '../core/rule.ts';
import { describedSkills, descriptionSpan } from '../extract/description.ts';
import { SkillNames, skipClauses } from '../extract/text.ts';

const rule: Rule = {
  meta: {
    id: 'description-skip',
    description:
      'In a package of several skills, a description has a skip clause naming another skill of the package to load instead ("For invoices, use cargo-billing").',
    severity: 'warning',
    profile: 'cargo',
  },
  checkProject(project, context) {
    if (project.skills.length < 2) return;
    const names = new SkillNames(project.skills.map((skill) => skill.name));
    for (const { skill, description } of describedSkills(project.skills)) {
      if (skipClauses(description, names, skill.name).length > 0) continue;
      const neighbour = project.skills.find((other) => other.name !== skill.name)!.name;
      context.report({
        path: skill.doc.file.path,
        span: descriptionSpan(skill),
        message: `Description of \`${skill.name}\` never says when to load another skill instead`,
        hint: `add a skip clause naming a neighbour, e.g. "For <task>, use ${neighbour} instead."`,
      });
    }
  },
};

export default rule;
