// Files in a skill's subfolders that no page links to are dead weight for the agent.
import path from 'node:path';
import type { Rule } from '../core/rule.ts';
import { reachFrom } from '../extract/reachability.ts';

const rule: Rule = {
  meta: {
    id: 'orphan-file',
    description: "Every file under a skill's subfolders is reachable by links from its SKILL.md, directly or through other pages.",
    severity: 'warning',
    profile: 'spec',
  },
  checkProject(project, context) {
    const symlinks = new Set(project.symlinks);
    for (const skill of project.skills) {
      const { files } = reachFrom(skill, project);
      for (const file of skill.files) {
        const relative = path.relative(skill.dir, file);
        if (!relative.includes(path.sep) || files.has(file)) continue;
        if (relative.split(path.sep).some((part) => part.startsWith('.'))) continue;
        if (symlinks.has(file)) continue;
        const point = { line: 1, column: 1, offset: 0 };
        context.report({
          path: file,
          span: { start: point, end: point },
          message: `\`${relative}\` is not linked from ${skill.name}/SKILL.md, directly or through other pages`,
          hint: 'link it from SKILL.md or a page SKILL.md links to, or delete it',
        });
      }
    }
  },
};

export default rule;
