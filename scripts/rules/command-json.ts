// A malformed or misshapen JSON payload is the most common failure of copied examples.
import type { Rule } from '../core/rule.ts';
import { reportCommandFindings } from '../schema/report.ts';

const rule: Rule = {
  meta: {
    id: 'command-json',
    description: 'JSON flag values parse and match the JSON Schema generated from the API types.',
    severity: 'error',
    profile: 'cargo',
  },
  checkFile(doc, context) {
    reportCommandFindings('command-json', doc, context);
  },
};

export default rule;
