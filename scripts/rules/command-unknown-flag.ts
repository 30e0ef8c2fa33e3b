// The CLI rejects flags it does not know; the hint names the closest real flag.
import type { Rule } from '../core/rule.ts';
import { reportCommandFindings } from '../schema/report.ts';

const rule: Rule = {
  meta: {
    id: 'command-unknown-flag',
    description: 'Every flag of a `cargo-ai` example exists on that command.',
    severity: 'error',
    profile: 'cargo',
  },
  checkFile(doc, context) {
    reportCommandFindings('command-unknown-flag', doc, context);
  },
};

export default rule;
