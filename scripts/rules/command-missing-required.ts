// A missing required flag or positional is an error before the request is sent.
import type { Rule } from '../core/rule.ts';
import { reportCommandFindings } from '../schema/report.ts';

const rule: Rule = {
  meta: {
    id: 'command-missing-required',
    description: 'A `cargo-ai` example gives every required flag and positional argument (unless it asks for `--help`).',
    severity: 'error',
    profile: 'cargo',
  },
  checkFile(doc, context) {
    reportCommandFindings('command-missing-required', doc, context);
  },
};

export default rule;
