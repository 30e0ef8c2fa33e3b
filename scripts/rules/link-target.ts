// Every relative link resolves to a file inside the skills root.
import path from 'node:path';
import { distance } from 'fastest-levenshtein';
import { readdirSync } from 'node:fs';
import { defineRule } from '../core/rule.ts';
import { BASE_DIRS_OPTION, resolveLink } from '../extract/links.ts';

const rule = defineRule({
  meta: {
    id: 'link-target',
    description:
      'Relative links resolve to an existing file inside the skills root (no absolute paths, file: URLs or climbing out); `{baseDir}/` and `${CLAUDE_SKILL_DIR}/` stand for the skill folder (`baseDirs`), and `/plugin:skill` commands are not checked.',
    severity: 'error',
    profile: 'spec',
    options: { baseDirs: BASE_DIRS_OPTION },
  },
  checkFile(doc, context) {
    const prefixes = context.options.baseDirs;
    for (const link of doc.links) {
      const resolved = resolveLink(doc, link, context.root, context.linted, prefixes);
      if (resolved.kind === 'invalid') {
        context.report({ span: link.span, message: resolved.reason, hint: resolved.hint });
      } else if (resolved.kind === 'file' && !resolved.exists) {
        context.report({
          span: link.span,
          message: `Link target \`${link.url}\` does not exist`,
          hint: nearestSibling(resolved.target),
        });
      }
    }
  },
});

function nearestSibling(target: string): string | undefined {
  let entries: string[];
  try {
    entries = readdirSync(path.dirname(target));
  } catch {
    return undefined;
  }
  const wanted = path.basename(target);
  const best = entries
    .map((entry) => ({ entry, score: distance(entry.toLowerCase(), wanted.toLowerCase()) }))
    .sort((a, b) => a.score - b.score)[0];
  return best && best.score <= Math.max(2, wanted.length / 3) ? `did you mean \`${best.entry}\`?` : undefined;
}

export default rule;
