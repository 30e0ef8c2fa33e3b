// A skill must read correctly when installed on its own. Skills install side by side, so a link to a
// neighbour's SKILL.md ("load that skill instead") and to the router's shared references are fine;
// a link into any other page of a neighbour reaches content this skill cannot count on.
import path from 'node:path';
import { defineRule } from '../core/rule.ts';
import { skillAt } from '../core/skill-at.ts';
import { resolveLink } from '../extract/links.ts';
import { ROUTER_SKILL } from '../extract/release-state.ts';

const rule = defineRule({
  meta: {
    id: 'cross-skill-link',
    description:
      "Links into another skill's folder point at its SKILL.md, or at the `router` skill's references/: never at a neighbour's inner pages.",
    severity: 'warning',
    profile: 'cargo',
    options: {
      router: { type: 'string', minLength: 1, default: ROUTER_SKILL, description: 'the router skill' },
    },
  },
  checkDocument(doc, context) {
    const { project } = context;
    const owner = skillAt(project, doc.file.path);
    if (!owner) return;
    const routerName = context.options.router;
    for (const link of doc.links) {
      const resolved = resolveLink(doc, link, project.root);
      if (resolved.kind !== 'file' || !resolved.exists) continue;
      const target = skillAt(project, resolved.target, owner);
      if (!target) continue;
      const inner = path.relative(target.dir, resolved.target).split(path.sep).join('/');
      if (inner === 'SKILL.md') continue;
      if (target.name === routerName && inner.startsWith('references/')) continue;
      context.report({
        span: link.span,
        message: `Link into \`${target.name}/${inner}\`: that page is missing when \`${owner.name}\` is installed without \`${target.name}\``,
        hint: `link to \`${target.name}\`'s SKILL.md and name the section, or keep the content in this skill`,
      });
    }
  },
});

export default rule;
