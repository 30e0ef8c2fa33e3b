// A lexical router tells skills apart only by words one of them uses and the others do not; a
// description made of the package's shared words is picked at random among its neighbours.
import { defineRule } from '../core/rule.ts';
import { describedSkills, descriptionSpan, distinctiveTerms } from '../extract/description.ts';

const rule = defineRule({
  meta: {
    id: 'description-vocabulary',
    description:
      'In a package of several skills, each description uses at least `minTerms` distinctive terms: stemmed content words no other description uses (skip clauses and the "use when the user says" frame excluded).',
    severity: 'warning',
    profile: 'spec',
    options: {
      minTerms: { type: 'integer', minimum: 0, default: 5, description: 'fewest distinctive terms' },
    },
  },
  checkProject(project, context) {
    const { minTerms } = context.options;
    const described = describedSkills(project.skills);
    if (described.length < 2) return;
    const distinctive = distinctiveTerms(described.map(({ skill, description }) => ({ name: skill.name, description })));
    for (const { skill } of described) {
      const own = distinctive.get(skill.name) ?? [];
      if (own.length >= minTerms) continue;
      context.report({
        path: skill.doc.file.path,
        span: descriptionSpan(skill),
        message: `Description of \`${skill.name}\` has ${own.length} distinctive term${own.length === 1 ? '' : 's'}, fewer than ${minTerms}${own.length ? ` (${own.join(', ')})` : ''}`,
        hint: 'name the nouns and verbs only this skill owns (its resources, actions, artefacts) instead of words every skill uses',
      });
    }
  },
});

export default rule;
