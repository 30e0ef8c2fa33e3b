// Versions move in lockstep with the bundle: the router's `metadata.version` is the bundle version, no
// skill is ahead of it, and whatever changed since the last release tag carries a higher version than it
// had there. The git part is skipped where there is no history or no `v*` tag yet.
import { defineRule } from '../core/rule.ts';
import type { Skill, Span } from '../core/types.ts';
import { ROUTER_SKILL, releaseState, versionAtTag, versionOfDocument } from '../extract/release-state.ts';
import { compareVersions } from '../core/semver.ts';

function versionSpan(skill: Skill): Span {
  const fm = skill.doc.frontmatter;
  const start = skill.doc.pointAt(0);
  return fm.valueSpans.get('metadata.version') ?? fm.keySpans.get('metadata') ?? fm.span ?? { start, end: start };
}

const rule = defineRule({
  meta: {
    id: 'release-version',
    description:
      "Versions in lockstep: no skill is ahead of the bundle version (the router's metadata.version), and a skill changed since the last `v*` tag has a higher version than at that tag.",
    severity: 'error',
    profile: 'cargo',
    options: {
      router: { type: 'string', minLength: 1, default: ROUTER_SKILL, description: 'the router skill' },
    },
  },
  checkProject(project, context) {
    const routerName = context.options.router;
    const router = project.skills.find((skill) => skill.name === routerName);
    const current = new Map(project.skills.map((skill) => [skill, versionOfDocument(skill.doc)]));
    const bundle = router ? current.get(router) : null;

    if (router && bundle) {
      for (const skill of project.skills) {
        const version = current.get(skill);
        if (skill === router || !version || !((compareVersions(version, bundle) ?? 0) > 0)) continue;
        context.report({
          path: skill.doc.file.path,
          span: versionSpan(skill),
          message: `\`${skill.name}\` is at version ${version}, ahead of the bundle version ${bundle} (\`${routerName}\`)`,
          hint: `raise \`${routerName}\`'s metadata.version to at least ${version}, or use \`skill-lint release\`, which bumps both`,
        });
      }
    }

    const state = releaseState(project);
    if (!state?.tag) return;
    for (const change of state.changes) {
      const version = current.get(change.skill);
      if (change.previous === null || !version) continue;
      if ((compareVersions(version, change.previous) ?? 1) > 0) continue;
      const shown = change.files.slice(0, 3).join(', ') + (change.files.length > 3 ? `, and ${change.files.length - 3} more` : '');
      context.report({
        path: change.skill.doc.file.path,
        span: versionSpan(change.skill),
        message: `\`${change.skill.name}\` changed since ${state.tag} (${shown}) but its version is still ${version}`,
        hint: `run \`skill-lint release --bump patch\` (or minor/major), or raise metadata.version above ${change.previous}`,
      });
    }
    // Any change ships a new bundle, so the router must move even when its own files did not.
    if (router && bundle && state.changes.length > 0 && !state.changes.some((change) => change.skill === router)) {
      const before = versionAtTag(state, router);
      if (before && (compareVersions(bundle, before) ?? 1) <= 0) {
        context.report({
          path: router.doc.file.path,
          span: versionSpan(router),
          message: `skills changed since ${state.tag} (${state.changes.map((change) => change.skill.name).join(', ')}) but the bundle version is still ${bundle}`,
          hint: `raise \`${routerName}\`'s metadata.version above ${before}, or run \`skill-lint release\``,
        });
      }
    }
  },
});

export default rule;
