// The Agent Skills specification caps a description at 1024 characters, and clients truncate or
// refuse longer ones; the trigger phrases at the end are the first thing lost.
import { defineRule } from '../core/rule.ts';
import { describedSkills, descriptionSpan } from '../extract/description.ts';

const rule = defineRule({
  meta: {
    id: 'description-length',
    description: 'A description is at most `max` characters long.',
    severity: 'warning',
    profile: 'spec',
    options: {
      max: { type: 'integer', minimum: 1, default: 1024, description: 'most characters (the specification limit)' },
    },
  },
  checkProject(project, context) {
    const { max } = context.options;
    for (const { skill, description } of describedSkills(project.skills)) {
      // Characters as the specification counts them: code points, not UTF-16 units.
      const length = [...description].length;
      if (length <= max) continue;
      context.report({
        path: skill.doc.file.path,
        span: descriptionSpan(skill),
        message: `Description of \`${skill.name}\` is ${length} characters long, over the limit of ${max}`,
        hint: `cut ${length - max} characters: keep the job sentence, the trigger phrases and the skip clause; drop lists of commands`,
      });
    }
  },
});

export default rule;
