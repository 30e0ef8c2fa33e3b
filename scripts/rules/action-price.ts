// Prices quoted in tables must equal the catalog, so a price changes in one place.
import type { Table, TableCell } from 'mdast';
import { toString } from 'mdast-util-to-string';
import path from 'node:path';
import type { Rule } from '../core/rule.ts';
import type { Document } from '../core/types.ts';
import { type CatalogAction, actionKey, loadActionCatalog } from '../actions.ts';

const rule: Rule = {
  meta: {
    id: 'action-price',
    description: 'In tables with an action column and a credits column, each price equals schemas/actions.json (option `catalog`).',
    severity: 'error',
    profile: 'cargo',
  },
  checkDocument(doc, context) {
    const catalog = loadActionCatalog(typeof context.options.catalog === 'string' ? path.resolve(context.project.root, context.options.catalog) : undefined);
    if (!catalog) return;
    for (const table of tablesOf(doc)) {
      const [header, ...rows] = table.children;
      const titles = header.children.map((cell) => toString(cell).toLowerCase());
      const creditsColumn = titles.findIndex((title) => /credit/.test(title));
      const actionColumn = titles.findIndex((title) => /action/.test(title) && !/credit/.test(title));
      const integrationColumn = titles.findIndex((title) => /integration|provider/.test(title));
      if (creditsColumn < 0 || actionColumn < 0) continue;
      for (const row of rows) {
        const actionSlug = inlineCodeOf(row.children[actionColumn]);
        const creditsCell = row.children[creditsColumn];
        if (!actionSlug || !creditsCell) continue;
        const integrationSlug = integrationColumn >= 0 ? inlineCodeOf(row.children[integrationColumn]) : undefined;
        const entry = lookup(catalog, actionSlug, integrationSlug);
        const span = spanOfCell(doc, creditsCell);
        if (!entry) {
          context.report({ span: spanOfCell(doc, row.children[actionColumn]), message: `Priced action \`${actionSlug}\` is not in the action catalog`, hint: 'add it to schemas/actions.json with its price and source' });
          continue;
        }
        const quoted = parseCredits(toString(creditsCell));
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
};

function tablesOf(doc: Document): Table[] {
  const found: Table[] = [];
  const stack = [...doc.tree.children];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'table') found.push(node);
    else if ('children' in node) stack.push(...(node.children as typeof stack));
  }
  return found.reverse();
}

function inlineCodeOf(cell: TableCell | undefined): string | undefined {
  const code = cell?.children.find((child) => child.type === 'inlineCode');
  return code && code.type === 'inlineCode' ? code.value : undefined;
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

function spanOfCell(doc: Document, cell: TableCell) {
  const start = cell.position?.start.offset ?? 0;
  return { start: doc.pointAt(start), end: doc.pointAt(cell.position?.end.offset ?? start) };
}

export default rule;
