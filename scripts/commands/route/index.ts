// What the CLI needs from routing: one request ranked and a case file scored.
export { RoutingInputError, evaluateCases, formatEvaluation, loadSkillTexts, readCases, routeCommand } from './evaluate.ts';
export type { Evaluation, Miss, RouteOptions, RoutingCase } from './evaluate.ts';
export { buildIndex, rankSkills } from './ranker.ts';
export type { Ranked, RoutingIndex, SkillText } from './ranker.ts';
