// What the CLI needs from routing: one request ranked, a case file scored, and the description rules.
import type { Rule } from '../core/rule.ts';
import descriptionCollision from '../rules/description-collision.ts';
import descriptionJob from '../rules/description-job.ts';
import descriptionLength from '../rules/description-length.ts';
import descriptionSkip from '../rules/description-skip.ts';
import descriptionTriggers from '../rules/description-triggers.ts';
import descriptionVocabulary from '../rules/description-vocabulary.ts';

export { RoutingInputError, evaluateCases, formatEvaluation, loadSkillTexts, readCases, routeCommand } from './evaluate.ts';
export type { Evaluation, Miss, RouteOptions, RoutingCase } from './evaluate.ts';
export { buildIndex, rankSkills } from './ranker.ts';
export type { Ranked, RoutingIndex, SkillText } from './ranker.ts';

export const descriptionRules: Rule[] = [
  descriptionJob,
  descriptionTriggers,
  descriptionSkip,
  descriptionLength,
  descriptionVocabulary,
  descriptionCollision,
];
