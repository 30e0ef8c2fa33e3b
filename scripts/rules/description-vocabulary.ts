// A lexical router tells skills apart only by words one of them uses and the others do not; a
// description made of the package's shared words is picked at random among its neighbours.
import type { Rule } from '../core/rule.ts';
import { describedSkills, descriptionSpan, distinctiveTerms, numberOption } from '../extract/description.ts';
import { asWritten } from '../extract/text.ts';

const rule: Rule = {
  meta: {
    id: 'description-vocabulary',
    description:
      'In a package of several skills, each description uses at least `minTerms` (default 5) distinctive terms: stemmed content words no other description uses (skip clauses and the "use when the user says" frame excluded).',
    severity: 'warning',
    profile: 'spec',
  },
  checkProject(project, context) {
    const minTerms = numberOption(context.options, 'minTerms', 5);
    const described = describedSkills(project.skills);
    if (described.length < 2) return;
    const distinctive = distinctiveTerms(described.map(({ skill, description }) => ({ name: skill.name, description })));
    for (const { skill, description } of described) {
      const own = asWritten(description, distinctive.get(skill.name) ?? []);
      if (own.length >= minTerms) continue;
      context.report({
        path: skill.doc.file.path,
        span: descriptionSpan(skill),
        message: `Description of \`${skill.name}\` has ${own.length} distinctive term${own.length === 1 ? '' : 's'}, fewer than ${minTerms}${own.length ? ` (${own.join(', ')})` : ''}`,
        hint: 'name the nouns and verbs only this skill owns (its resources, actions, artefacts) instead of words every skill uses',
      });
    }
  },
};

export default rule;
