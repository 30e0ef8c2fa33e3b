// Builds the Project: every file loaded and parsed once, every invocation extracted once.
import path from 'node:path';
import type { Document, Project, Skill } from './core/types.ts';
import { extractInvocations } from './extract/invocations.ts';
import { loadTree, readSkillFile } from './load/files.ts';
import { parseDocument } from './parse/document.ts';

export function buildProject(inputs: string[], cwd = process.cwd()): Project {
  const tree = loadTree(inputs, cwd);
  const documents = new Map<string, Document>();
  const skillOf = (file: string) => tree.skillDirs.find((dir) => file.startsWith(dir + path.sep));
  for (const file of tree.markdown) {
    documents.set(file, parseDocument(readSkillFile(file, cwd, skillOf(file))));
  }
  const skills: Skill[] = [];
  for (const dir of tree.skillDirs) {
    const skillMd = path.join(dir, 'SKILL.md');
    const doc = documents.get(skillMd) ?? parseDocument(readSkillFile(skillMd, cwd, dir));
    skills.push({ name: path.basename(dir), dir, doc, files: tree.filesBySkill.get(dir) ?? [] });
  }
  const invocations = new Map<string, ReturnType<typeof extractInvocations>>();
  for (const [file, doc] of documents) invocations.set(file, extractInvocations(doc));
  return {
    root: tree.root,
    skills,
    documents,
    strayDirs: tree.strayDirs,
    symlinks: tree.symlinks,
    invocations,
  };
}
