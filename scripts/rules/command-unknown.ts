// An example whose command does not exist fails with `unknown command` before doing anything.
import type { Rule } from '../core/rule.ts';
import { reportCommandFindings } from '../schema/report.ts';

const rule: Rule = {
  meta: {
    id: 'command-unknown',
    description: 'A `cargo-ai` example names a domain, resource and action the CLI has (nearest spelling as hint).',
    severity: 'error',
    profile: 'cargo',
  },
  checkFile(doc, context) {
    reportCommandFindings('command-unknown', doc, context);
  },
};

export default rule;
