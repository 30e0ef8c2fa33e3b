// A stray word is usually a value whose flag was forgotten.
import type { Rule } from '../core/rule.ts';
import { reportCommandFindings } from '../schema/report.ts';

const rule: Rule = {
  meta: {
    id: 'command-extra-argument',
    description: 'A `cargo-ai` example has no positional arguments beyond those its command takes.',
    severity: 'error',
    profile: 'cargo',
  },
  checkFile(doc, context) {
    reportCommandFindings('command-extra-argument', doc, context);
  },
};

export default rule;
