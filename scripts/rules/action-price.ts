// Prices quoted in tables must equal the catalog, so a price changes in one place.
import path from 'node:path';
import { defineRule } from '../core/rule.ts';
import type { TableCell } from '../core/types.ts';
import { type CatalogAction, actionKey, loadActionCatalog } from '../extract/actions.ts';

const rule = defineRule({
  meta: {
    id: 'action-price',
    description: 'In tables with an action column and a credits column, each price equals the action catalog (`catalog`).',
    severity: 'error',
    profile: 'cargo',
    options: {
      catalog: { type: 'string', minLength: 1, existingFile: true, description: 'the action catalog, relative to the skills root (default: schemas/actions.json of this package)' },
    },
  },
  checkFile(doc, context) {
    const catalog = loadActionCatalog(context.options.catalog === undefined ? undefined : path.resolve(context.root, context.options.catalog));
    if (!catalog) return;
    for (const table of doc.tables) {
      const titles = table.header.map((cell) => cell.text.toLowerCase());
      const creditsColumn = titles.findIndex((title) => /credit/.test(title));
      const actionColumn = titles.findIndex((title) => /action/.test(title) && !/credit/.test(title));
      if (creditsColumn < 0 || actionColumn < 0) continue;
      const integrationColumn = titles.findIndex((title) => /integration|provider/.test(title));
      for (const row of table.rows.slice(1)) {
        const actionSlug = inlineCodeOf(row[actionColumn]);
        const creditsCell = row[creditsColumn];
        if (!actionSlug || !creditsCell) continue;
        const integrationSlug = integrationColumn >= 0 ? inlineCodeOf(row[integrationColumn]) : undefined;
        const entry = lookup(catalog, actionSlug, integrationSlug);
        const span = creditsCell.span;
        if (!entry) {
          context.report({ span: row[actionColumn].span, message: `Priced action \`${actionSlug}\` is not in the action catalog`, hint: 'add it to schemas/actions.json with its price and source' });
          continue;
        }
        const quoted = parseCredits(creditsCell.text);
        if (quoted === undefined || entry.credits === null) continue;
        if (Math.abs(quoted - entry.credits) > 1e-9) {
          context.report({
            span,
            message: `\`${actionSlug}\` is quoted at ${quoted} credits; the catalog says ${entry.credits}`,
            hint: `write ${entry.credits}, or change the price in schemas/actions.json (the one place prices live)`,
          });
        }
      }
    }
  },
});

function inlineCodeOf(cell: TableCell | undefined): string | undefined {
  return cell?.inlineCode[0];
}

function lookup(catalog: Map<string, CatalogAction>, actionSlug: string, integrationSlug?: string): CatalogAction | undefined {
  if (integrationSlug) return catalog.get(actionKey(integrationSlug, actionSlug));
  const matches = [...catalog.values()].filter((entry) => entry.actionSlug === actionSlug);
  return matches.length === 1 ? matches[0] : undefined;
}

/** "1.5", "1.5 credits", "~2" → number; "free", "varies", "-" → no claim to check. */
export function parseCredits(text: string): number | undefined {
  const trimmed = text.trim().toLowerCase();
  if (trimmed === 'free' || trimmed === '0') return 0;
  const match = /^~?\s*(\d+(?:\.\d+)?)\s*(?:credits?)?(?:\s*(?:\/|per)\s*\w+)?$/.exec(trimmed);
  return match ? Number(match[1]) : undefined;
}

export default rule;
