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
      const nearest = [...target.anchors].sort((a, b) => distance(a, anchor) - distance(b, anchor))[0];
      context.report({
        span: link.span,
        message: `Anchor \`#${anchor}\` does not match any heading in ${target === doc ? 'this page' : `\`${target.file.displayPath}\``}`,
        hint: nearest ? `did you mean \`#${nearest}\`?` : undefined,
      });
    }
  },
};

export default rule;
