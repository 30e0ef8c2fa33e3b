// Action slugs are where examples go stale first: every one used must be in schemas/actions.json.
import { distance } from 'fastest-levenshtein';
import path from 'node:path';
import { defineRule } from '../core/rule.ts';
import { actionKey, findActions, loadActionCatalog } from '../extract/actions.ts';
import { integrationSlugs } from '../schema/integrations.ts';

const rule = defineRule({
  meta: {
    id: 'action-catalog',
    description: 'Every integrationSlug/actionSlug pair in an example is listed in the action catalog (`catalog`).',
    severity: 'error',
    profile: 'cargo',
    options: {
      catalog: { type: 'string', minLength: 1, existingFile: true, description: 'the action catalog, relative to the skills root (default: schemas/actions.json of this package)' },
    },
  },
  checkFile(doc, context) {
    const catalog = loadActionCatalog(context.options.catalog === undefined ? undefined : path.resolve(context.root, context.options.catalog));
    if (!catalog) return;
    for (const action of findActions(doc, context.invocations)) {
      if (catalog.has(actionKey(action.integrationSlug, action.actionSlug))) continue;
      const sameIntegration = [...catalog.values()].filter((entry) => entry.integrationSlug === action.integrationSlug);
      // An integration that does not exist is command-integration-slug's finding: one mistake, one report.
      if (!integrationSlugs().has(action.integrationSlug) && sameIntegration.length === 0) continue;
      const nearest = sameIntegration.sort((a, b) => distance(a.actionSlug, action.actionSlug) - distance(b.actionSlug, action.actionSlug))[0];
      context.report({
        span: action.span,
        message: `Action \`${action.actionSlug}\` of \`${action.integrationSlug}\` is not in the action catalog`,
        hint: nearest ? `did you mean \`${nearest.actionSlug}\`? (or add it to schemas/actions.json with its source)` : 'add it to schemas/actions.json with its price and source',
      });
    }
  },
});

export default rule;
