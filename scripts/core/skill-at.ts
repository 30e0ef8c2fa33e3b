// Which skill a path lies in. Found by walking up the path's folders against an index of skill folders,
// so the cost stays with the path's depth however many skills the project has.
import path from 'node:path';
import type { Project, Skill } from './types.ts';

const indexes = new WeakMap<Project, Map<string, Skill>>();

/** The outermost skill whose folder holds `file` (other than `except`), if any. */
export function skillAt(project: Project, file: string, except?: Skill): Skill | undefined {
  let byDir = indexes.get(project);
  if (!byDir) {
    byDir = new Map(project.skills.map((skill) => [skill.dir, skill]));
    indexes.set(project, byDir);
  }
  let found: Skill | undefined;
  for (let dir = path.dirname(file); ; dir = path.dirname(dir)) {
    const skill = byDir.get(dir);
    if (skill && skill !== except) found = skill;
    if (path.dirname(dir) === dir) return found;
  }
}
