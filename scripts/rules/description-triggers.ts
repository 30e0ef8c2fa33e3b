// Routers match what users type; a description earns its requests by quoting them literally.
import type { Rule } from '../core/rule.ts';
import { describedSkills, descriptionSpan, numberOption } from '../extract/description.ts';
import { triggerPhrases, words } from '../extract/text.ts';

const rule: Rule = {
  meta: {
    id: 'description-triggers',
    description:
      'A description quotes at least `minTriggers` (default 4) distinct phrases a user would type ("download run results"), each of at least `minWords` words (default 2).',
    severity: 'warning',
    profile: 'cargo',
  },
  checkProject(project, context) {
    const minTriggers = numberOption(context.options, 'minTriggers', 4);
    const minWords = numberOption(context.options, 'minWords', 2);
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
};

export default rule;
