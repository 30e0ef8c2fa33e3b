// Routers match what users type; a description earns its requests by quoting them literally.
import { defineRule } from '../core/rule.ts';
import { describedSkills, descriptionSpan } from '../extract/description.ts';
import { triggerPhrases, words } from '../extract/text.ts';

const rule = defineRule({
  meta: {
    id: 'description-triggers',
    description:
      'A description quotes at least `minTriggers` distinct phrases a user would type ("download run results"), each of at least `minWords` words.',
    severity: 'warning',
    profile: 'cargo',
    options: {
      minTriggers: { type: 'integer', minimum: 0, default: 4, description: 'fewest quoted trigger phrases' },
      minWords: { type: 'integer', minimum: 1, default: 2, description: 'fewest words in a trigger phrase' },
    },
  },
  checkProject(project, context) {
    const { minTriggers, minWords } = context.options;
    for (const { skill, description } of describedSkills(project.skills)) {
      const phrases = [...new Set(triggerPhrases(description).map((p) => p.toLowerCase()))];
      const counted = phrases.filter((phrase) => words(phrase).length >= minWords);
      if (counted.length >= minTriggers) continue;
      const short = phrases.length - counted.length;
      context.report({
        path: skill.doc.file.path,
        span: descriptionSpan(skill),
        message:
          `Description of \`${skill.name}\` quotes ${counted.length} trigger phrase${counted.length === 1 ? '' : 's'}, fewer than ${minTriggers}` +
          (short > 0 ? ` (${short} shorter than ${minWords} words not counted)` : ''),
        hint: 'add literal requests in double quotes, e.g. Use when the user says "export the segment", "error rate of my workflow".',
      });
    }
  },
});

export default rule;
