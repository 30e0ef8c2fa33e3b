// Two descriptions built on the same distinguishing words compete for the same requests; whichever
// wins, the other skill's users lose. Reported on both skills, with the words they share.
import { defineRule } from '../core/rule.ts';
import { describedSkills, descriptionSpan, pairsAtLeast, sharedTerms, topTerms } from '../extract/description.ts';

const rule = defineRule({
  meta: {
    id: 'description-collision',
    description:
      "Two descriptions collide when the weighted Jaccard overlap of their `topTerms` heaviest tf-idf terms reaches `threshold`; reported on both skills with the shared terms.",
    severity: 'warning',
    profile: 'spec',
    options: {
      topTerms: { type: 'integer', minimum: 1, default: 15, description: 'heaviest tf-idf terms compared per description' },
      threshold: { type: 'number', exclusiveMinimum: 0, maximum: 1, default: 0.2, description: 'weighted Jaccard overlap from which two descriptions collide' },
    },
  },
  checkProject(project, context) {
    const { topTerms: top, threshold } = context.options;
    const described = describedSkills(project.skills);
    if (described.length < 2) return;
    const vectors = topTerms(described.map(({ skill, description }) => ({ name: skill.name, description })), top);
    const inOrder = described.map(({ skill }) => vectors.get(skill.name)!);
    for (const { first, second, score } of pairsAtLeast(inOrder, threshold)) {
      const a = described[first].skill;
      const b = described[second].skill;
      const shared = sharedTerms(inOrder[first], inOrder[second]);
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
});

export default rule;
