// Symlinks in a skill break on install (or point outside it); they are never followed.
import path from 'node:path';
import { readlinkSync } from 'node:fs';
import type { Rule } from '../core/rule.ts';

const rule: Rule = {
  meta: {
    id: 'symlink',
    description: 'Skill folders contain no symbolic links (they are not followed, and packaging refuses them).',
    severity: 'error',
    profile: 'spec',
  },
  checkProject(project, context) {
    for (const link of project.symlinks) {
      let target = '?';
      try {
        target = readlinkSync(link);
      } catch {
        // An unreadable link is reported all the same.
      }
      const point = { line: 1, column: 1, offset: 0 };
      context.report({
        path: link,
        span: { start: point, end: point },
        message: `\`${path.relative(project.root, link)}\` is a symbolic link (to \`${target}\`)`,
        hint: 'replace it with the real file',
      });
    }
  },
};

export default rule;
