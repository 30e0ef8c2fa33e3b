// A repeated flag silently keeps only one of its values.
import type { Rule } from '../core/rule.ts';
import { reportCommandFindings } from '../schema/report.ts';

const rule: Rule = {
  meta: {
    id: 'command-duplicate-flag',
    description: 'No flag is given twice in one `cargo-ai` example.',
    severity: 'error',
    profile: 'cargo',
  },
  checkFile(doc, context) {
    reportCommandFindings('command-duplicate-flag', doc, context);
  },
};

export default rule;
