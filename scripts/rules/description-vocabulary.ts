// A lexical router tells skills apart only by words one of them uses and the others do not; a
// description made of the package's shared words is picked at random among its neighbours.
import { defineRule } from '../core/rule.ts';
import { describedSkills, descriptionSpan, distinctiveTerms, ownWords } from '../extract/description.ts';
import { SkillNames } from '../extract/text.ts';

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
    const names = new SkillNames(described.map(({ skill }) => skill.name));
    for (const { skill, description } of described) {
      const terms = distinctive.get(skill.name) ?? [];
      if (terms.length >= minTerms) continue;
      // The terms are stems; the message names the words as the description writes them.
      const written = ownWords(description, names, skill.name);
      const own = terms.map((term) => written.get(term) ?? term);
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
