// A value of the wrong type is refused by the CLI or the API.
import type { Rule } from '../core/rule.ts';
import { reportCommandFindings } from '../schema/report.ts';

const rule: Rule = {
  meta: {
    id: 'command-flag-value',
    description: 'Flag values have the right type: switches take none, numbers are numbers, enum and list members are allowed values.',
    severity: 'error',
    profile: 'cargo',
  },
  checkFile(doc, context) {
    reportCommandFindings('command-flag-value', doc, context);
  },
};

export default rule;
