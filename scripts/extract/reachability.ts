// Which files a skill's SKILL.md reaches through links, directly or through other pages.
import path from 'node:path';
import type { Link, Project, Skill } from '../core/types.ts';
import { skillAt } from '../core/skill-at.ts';
import { resolveLink } from './links.ts';

export interface Reach {
  /** Files inside the skill folder reachable from SKILL.md (SKILL.md included). */
  files: Set<string>;
  /** Links from this skill's pages into another skill's folder. */
  crossSkill: { from: string; line: number; target: string }[];
  /** Links from this skill's pages to a file outside every skill folder. */
  outside: { from: string; link: Link; target: string }[];
}

export interface ReachOptions {
  /** Asked for every link to a file inside the skill; `false` leaves that file (and what only it links to) out. */
  admit?: (target: string, link: Link, from: string) => boolean;
}

export function reachFrom(skill: Skill, project: Project, options: ReachOptions = {}): Reach {
  const inside = (file: string) => file.startsWith(skill.dir + path.sep);
  const skillMd = path.join(skill.dir, 'SKILL.md');
  const files = new Set<string>([skillMd]);
  const crossSkill: Reach['crossSkill'] = [];
  const outside: Reach['outside'] = [];
  const queue = [skillMd];
  while (queue.length > 0) {
    const current = queue.shift()!;
    const doc = project.documents.get(current);
    if (!doc) continue;
    for (const link of doc.links) {
      const resolved = resolveLink(doc, link, project.root);
      if (resolved.kind !== 'file' || !resolved.exists || resolved.isDirectory) continue;
      if (!inside(resolved.target)) {
        if (skillAt(project, resolved.target, skill)) {
          crossSkill.push({ from: current, line: link.span.start.line, target: resolved.target });
        } else {
          outside.push({ from: current, link, target: resolved.target });
        }
        continue;
      }
      if (options.admit && !options.admit(resolved.target, link, current)) continue;
      if (files.has(resolved.target)) continue;
      files.add(resolved.target);
      queue.push(resolved.target);
    }
  }
  return { files, crossSkill, outside };
}
