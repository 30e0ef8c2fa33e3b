// Every `#anchor` names a heading that exists, on this page or the page linked.
import { distance } from 'fastest-levenshtein';
import type { Rule } from '../core/rule.ts';
import type { DocumentIndex } from '../core/types.ts';
import { resolveLink } from '../extract/links.ts';

const rule: Rule = {
  meta: {
    id: 'link-anchor',
    description: 'Heading anchors in links exist on the target page (GitHub slug rules, duplicate suffixes included).',
    severity: 'error',
    profile: 'spec',
  },
  checkDocument(doc, context) {
    for (const link of doc.links) {
      const resolved = resolveLink(doc, link, context.project.root);
      let target: DocumentIndex | undefined;
      let anchor: string | undefined;
      if (resolved.kind === 'anchor') {
        target = doc;
        anchor = resolved.anchor;
      } else if (resolved.kind === 'file' && resolved.exists && resolved.anchor !== undefined) {
        target = context.project.documents.get(resolved.target);
        anchor = resolved.anchor;
      }
      if (!target || anchor === undefined || anchor === '' || target.anchors.has(anchor)) continue;
      const nearest = nearestAnchor(target.anchors, anchor);
      context.report({
        span: link.span,
        message: `Anchor \`#${anchor}\` does not match any heading in ${target === doc ? 'this page' : `\`${target.file.displayPath}\``}`,
        hint: nearest ? `did you mean \`#${nearest}\`?` : undefined,
      });
    }
  },
};

/** The anchor nearest to `wanted`, when it is a likely misspelling (a third of its length or two edits at most). */
function nearestAnchor(anchors: Set<string>, wanted: string): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const anchor of anchors) {
    const edits = distance(anchor, wanted);
    if (edits < bestDistance) [best, bestDistance] = [anchor, edits];
  }
  return bestDistance <= Math.max(2, wanted.length / 3) ? best : undefined;
}

export default rule;
