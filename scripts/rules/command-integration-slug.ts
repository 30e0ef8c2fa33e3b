// An unknown integration slug fails at run time, after the example looked fine.
import type { Rule } from '../core/rule.ts';
import { reportCommandFindings } from '../schema/report.ts';

const rule: Rule = {
  meta: {
    id: 'command-integration-slug',
    description: '`integrationSlug` values in JSON flags are integrations of the catalog.',
    severity: 'error',
    profile: 'cargo',
  },
  checkFile(doc, context) {
    reportCommandFindings('command-integration-slug', doc, context);
  },
};

export default rule;
