// Commands that look right but that the platform refuses, each with the fix.
import type { Rule } from '../core/rule.ts';
import { reportCommandFindings } from '../schema/report.ts';

const rule: Rule = {
  meta: {
    id: 'command-trap',
    description: 'Known traps: `--segment-uuid` on segment fetch/download, and `run create` on a play workflow.',
    severity: 'error',
    profile: 'cargo',
  },
  checkFile(doc, context) {
    reportCommandFindings('command-trap', doc, context);
  },
};

export default rule;
