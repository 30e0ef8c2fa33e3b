// Two descriptions built on the same distinguishing words compete for the same requests; whichever
// wins, the other skill's users lose. One finding per skill, however many it collides with: a package
// generated from one template would otherwise get a finding per pair, n² of them.
import { defineRule } from '../core/rule.ts';
import { collisions, describedSkills, descriptionSpan, ownWords, sharedTerms, topTerms } from '../extract/description.ts';
import { SkillNames } from '../extract/text.ts';

/** Neighbours named in a finding; the rest are counted. */
const NAMED = 3;

const rule = defineRule({
  meta: {
    id: 'description-collision',
    description:
      "Two descriptions collide when the weighted Jaccard overlap of their `topTerms` heaviest tf-idf terms reaches `threshold`; one finding per skill, naming its closest neighbours, how many others collide and the words shared with the closest.",
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
    const entries = described.map(({ skill, description }) => ({ name: skill.name, description }));
    const vectors = topTerms(entries, top);
    const inOrder = described.map(({ skill }) => vectors.get(skill.name)!);
    const names = new SkillNames(entries.map((entry) => entry.name));
    collisions(inOrder, threshold, NAMED).forEach(({ count, closest }, index) => {
      if (count === 0) return;
      const self = described[index];
      const nearest = described[closest[0].index].skill;
      const written = ownWords(self.description, names, self.skill.name);
      const shared = sharedTerms(inOrder[index], inOrder[closest[0].index]).map((term) => written.get(term) ?? term);
      const name = (at: number) => `\`${described[at].skill.name}\``;
      const message =
        count === 1
          ? `Description of \`${self.skill.name}\` collides with ${name(closest[0].index)} (overlap ${closest[0].score.toFixed(2)} ≥ ${threshold}); shared terms: ${shared.join(', ')}`
          : `Description of \`${self.skill.name}\` collides with ${count} other descriptions (overlap ≥ ${threshold}), closest ` +
            closest.map((neighbour) => `${name(neighbour.index)} (${neighbour.score.toFixed(2)})`).join(', ') +
            (count > closest.length ? ` and ${count - closest.length} more` : '') +
            `; shared terms with \`${nearest.name}\`: ${shared.join(', ')}`;
      context.report({
        path: self.skill.doc.file.path,
        span: descriptionSpan(self.skill),
        message,
        hint:
          count === 1
            ? `keep each shared term in one of the two descriptions and send the other skill's requests there with a skip clause ("use ${nearest.name} instead")`
            : `give each skill of this cluster its own job and words; where two cover the same requests, keep one and send the other's users there with a skip clause ("use ${nearest.name} instead")`,
      });
    });
  },
});

export default rule;
