// A folder in the skills root that the linter cannot see as a skill is shipped by nobody.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import type { Rule } from '../core/rule.ts';

const rule: Rule = {
  meta: {
    id: 'skill-folder',
    description: 'Every folder in the skills root holds a SKILL.md (exact spelling), so the linter and installers see it.',
    severity: 'error',
    profile: 'spec',
  },
  checkProject(project, context) {
    for (const dir of project.strayDirs) {
      const near = readdirSync(dir).find((entry) => entry.toLowerCase() === 'skill.md');
      const point = { line: 1, column: 1, offset: 0 };
      context.report({
        path: near ? path.join(dir, near) : dir,
        span: { start: point, end: point },
        message: `Folder \`${path.basename(dir)}\` in the skills root has no SKILL.md`,
        hint: near ? `rename \`${near}\` to \`SKILL.md\`` : 'add a SKILL.md, or move the folder out of the skills root',
      });
    }
  },
};

export default rule;
