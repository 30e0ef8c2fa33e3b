// A description opens by saying what the skill does; a router reads that sentence first, and a
// sentence without a verb ("Router and overview for ...") names a topic, not a job.
import { defineRule } from '../core/rule.ts';
import { describedSkills, descriptionSpan } from '../extract/description.ts';
import { sentences, stem, words } from '../extract/text.ts';

/** Action verbs a job sentence is built on, in their base form (inflections are matched by stemming). */
const VERBS =
  'add administer analyse analyze answer apply assign attach audit authenticate author automate browse build calculate call ' +
  'capture change check choose clean collect compare compute configure connect convert create curate debug define delete ' +
  'deliver deploy describe design detect diagnose discover download draft drive edit enrich estimate evaluate execute ' +
  'explain explore export extract fetch file find fix generate guide handle host import inspect install invite keep launch ' +
  'link list load locate log look maintain manage map measure merge migrate model monitor move operate organise organize pick ' +
  'plan poll prepare promote provision publish pull push query read record register remove rename report resolve retrieve ' +
  'review revoke route run scaffold schedule score search send set ship show sort source start store summarise summarize ' +
  'sync teach test track trigger troubleshoot tune turn update upload validate verify walk watch write';

const USE_WHEN = /^\s*(?:use|load|invoke)\b[^.]*\bwhen\b|^\s*when\b/i;

const rule = defineRule({
  meta: {
    id: 'description-job',
    description:
      "A description's first sentence states the skill's job: it has a verb (the built-in list or `verbs`) and at least `minWords` words; a \"Use when...\" opening is accepted.",
    severity: 'warning',
    profile: 'spec',
    options: {
      minWords: { type: 'integer', minimum: 1, default: 3, description: 'fewest words in the first sentence' },
      verbs: { type: 'array', items: { type: 'string', minLength: 1 }, default: [], description: 'verbs to accept besides the built-in list' },
    },
  },
  checkProject(project, context) {
    const { minWords, verbs: extra } = context.options;
    const verbs = new Set([...VERBS.split(' '), ...extra].map((verb) => stem(verb.toLowerCase())));
    for (const { skill, description } of describedSkills(project.skills)) {
      const first = sentences(description)[0] ?? '';
      const firstWords = words(first);
      const report = (message: string, hint: string) =>
        context.report({ path: skill.doc.file.path, span: descriptionSpan(skill), message, hint });
      // "Use when ..." is a common and recommended opening in other packages: it says when, and the job follows.
      if (USE_WHEN.test(first)) continue;
      if (firstWords.length < minWords || !firstWords.some((word) => verbs.has(stem(word)))) {
        report(
          `First sentence of the \`${skill.name}\` description states no job: ${JSON.stringify(first.slice(0, 80))}`,
          'open with a verb phrase saying what the skill does, e.g. "Deploys hosted apps and manages their domains."',
        );
      }
    }
  },
});

export default rule;
