// An action's inputs travel in --data or --records; inputs put in `config` are ignored or misread.
import type { Rule } from '../core/rule.ts';
import { findActions } from '../extract/actions.ts';

const rule: Rule = {
  meta: {
    id: 'action-config',
    description: 'The `--action` JSON of `action execute` and `execute-batch` keeps `config` empty; inputs go in `--data` or `--records`.',
    severity: 'error',
    profile: 'cargo',
  },
  checkFile(doc, context) {
    for (const action of findActions(doc, context.invocations)) {
      if (!action.flag) continue;
      const { config } = action;
      if (config === undefined || (typeof config === 'object' && config !== null && Object.keys(config).length === 0)) continue;
      const words = action.flag.invocation.args.map((word) => word.value);
      const batch = words.includes('execute-batch');
      context.report({
        span: action.flag.invocation.args[action.flag.index].span,
        message: `Action \`${action.actionSlug}\` carries inputs in \`config\` (${Object.keys(config as object).join(', ') || 'non-object'})`,
        hint: batch ? 'keep `"config":{}` and pass one object per record in `--records`' : 'keep `"config":{}` and pass the inputs in `--data`',
      });
    }
  },
};

export default rule;
