// Two descriptions built on the same distinguishing words compete for the same requests; whichever
// wins, the other skill's users lose. Reported on both skills, with the words they share.
import type { Rule } from '../core/rule.ts';
import { describedSkills, descriptionSpan, numberOption, pairsAtLeast, sharedTerms, topTerms } from '../extract/description.ts';
import { asWritten } from '../extract/text.ts';

const rule: Rule = {
  meta: {
    id: 'description-collision',
    description:
      "Two descriptions collide when the weighted Jaccard overlap of their `topTerms` (default 15) heaviest tf-idf terms reaches `threshold` (default 0.2); reported on both skills with the shared terms.",
    severity: 'warning',
    profile: 'spec',
  },
  checkProject(project, context) {
    const top = numberOption(context.options, 'topTerms', 15);
    const threshold = numberOption(context.options, 'threshold', 0.2);
    const described = describedSkills(project.skills);
    if (described.length < 2) return;
    const vectors = topTerms(described.map(({ skill, description }) => ({ name: skill.name, description })), top);
    const inOrder = described.map(({ skill }) => vectors.get(skill.name)!);
    for (const { first, second, score } of pairsAtLeast(inOrder, threshold)) {
      const a = described[first].skill;
      const b = described[second].skill;
      // Terms are stems (`execut`); the message shows each as the descriptions write it.
      const shared = asWritten(`${described[first].description} ${described[second].description}`, sharedTerms(inOrder[first], inOrder[second]));
      for (const [self, other] of [[a, b], [b, a]]) {
        context.report({
          path: self.doc.file.path,
          span: descriptionSpan(self),
          message: `Description of \`${self.name}\` collides with \`${other.name}\` (overlap ${score.toFixed(2)} ≥ ${threshold}); shared terms: ${shared.join(', ')}`,
          hint: `keep each shared term in one of the two descriptions and send the other skill's requests there with a skip clause ("use ${other.name} instead")`,
        });
      }
    }
  },
};

export default rule;
