// Every `#anchor` names a heading that exists, on this page or the page linked.
import { distance } from 'fastest-levenshtein';
import type { Report, Rule } from '../core/rule.ts';
import type { DocumentIndex, Link } from '../core/types.ts';
import { resolveLink } from '../extract/links.ts';
import { nearest as closeSpellings } from '../schema/suggest.ts';

const rule: Rule = {
  meta: {
    id: 'link-anchor',
    description: 'Heading anchors in links exist on the target page (GitHub slug rules, duplicate suffixes included).',
    severity: 'error',
    profile: 'spec',
    fixable: true,
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
        ...anchorFix(link, anchor, target.anchors),
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

/**
 * The repair of an inline link `[text](page.md#anchr)` when exactly one anchor of the target is close to the
 * one written: the anchor is then the last thing before the closing parenthesis. The rule sees no text, so the
 * edit says what it replaces; a link written otherwise (a title, angle brackets, an escape) is left alone.
 */
function anchorFix(link: Link, anchor: string, anchors: Set<string>): Pick<Report, 'fix'> {
  if (link.kind !== 'link') return {};
  const candidates = closeSpellings(anchor, anchors, 2);
  if (candidates.length !== 1) return {};
  const end = link.span.end.offset - 1;
  return { fix: [{ start: end - anchor.length, end, text: candidates[0], replaces: anchor }] };
}

export default rule;
