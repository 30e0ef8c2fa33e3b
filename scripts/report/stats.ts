// `--stats`: how many files a run read, and per reader how many inputs took the fast path and why the others
// went to the reference parser. Printed to stderr, so it never mixes with a machine-read report.
import { READERS, type ReaderName, type ReaderStats } from '../parse/fast-read.ts';

const REFERENCE_PARSER: Record<ReaderName, string> = { markdown: 'remark', frontmatter: 'the yaml library', shell: 'mvdan-sh' };
/** What one input of each reader is. */
const INPUT: Record<ReaderName, string> = { markdown: 'files', frontmatter: 'frontmatter blocks', shell: 'distinct shell texts' };

export function formatStats(files: number, stats: ReaderStats, referenceParsers: boolean): string {
  const lines = [`files read: ${files}`];
  for (const reader of READERS) {
    if (referenceParsers) {
      lines.push(`${reader}: all ${INPUT[reader]} by ${REFERENCE_PARSER[reader]} (--reference-parsers)`);
      continue;
    }
    const { fast, fallbacks } = stats[reader];
    const reasons = Object.entries(fallbacks).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    const fellBack = reasons.reduce((sum, [, count]) => sum + count, 0);
    const total = fast + fellBack;
    const share = total === 0 ? '' : ` (${((100 * fast) / total).toFixed(1)}% fast)`;
    lines.push(`${reader}: ${total} ${INPUT[reader]}, ${fast} read fast, ${fellBack} by ${REFERENCE_PARSER[reader]}${share}`);
    for (const [reason, count] of reasons) lines.push(`  ${count} ${reason}`);
  }
  return `${lines.join('\n')}\n`;
}
