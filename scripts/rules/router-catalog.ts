// The router is the agent's map of the package: it must link every other skill.
import path from 'node:path';
import { defineRule } from '../core/rule.ts';
import { resolveLink } from '../extract/links.ts';
import { ROUTER_SKILL } from '../extract/release-state.ts';

const rule = defineRule({
  meta: {
    id: 'router-catalog',
    description: "The `router` skill links to every other skill's SKILL.md.",
    severity: 'error',
    profile: 'cargo',
    options: {
      router: { type: 'string', minLength: 1, default: ROUTER_SKILL, description: 'the router skill' },
    },
  },
  checkProject(project, context) {
    const routerName = context.options.router;
    const router = project.skills.find((skill) => skill.name === routerName);
    if (!router || project.skills.length < 2) return;
    const linked = new Set<string>();
    for (const link of router.doc.links) {
      const resolved = resolveLink(router.doc, link, project.root);
      if (resolved.kind === 'file') linked.add(resolved.target);
    }
    for (const skill of project.skills) {
      if (skill === router || linked.has(path.join(skill.dir, 'SKILL.md'))) continue;
      const span = router.doc.frontmatter.span ?? { start: router.doc.pointAt(0), end: router.doc.pointAt(0) };
      context.report({
        path: router.doc.file.path,
        span: { start: span.start, end: span.start },
        message: `Router \`${routerName}\` does not link to skill \`${skill.name}\``,
        hint: `add a row linking \`../${skill.name}/SKILL.md\` to the router's skill table`,
      });
    }
  },
});

export default rule;
