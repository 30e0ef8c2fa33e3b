// A shell example that the shell cannot parse cannot be pasted and run, and its commands cannot be checked.
import type { Rule } from '../core/rule.ts';
import { extractShell, SHELL_LANGS } from '../extract/invocations.ts';

const rule: Rule = {
  meta: {
    id: 'shell-syntax',
    description: 'Shell code blocks (bash, sh, shell, zsh) that run `cargo-ai` parse as shell; placeholders like `<uuid>` are allowed.',
    severity: 'error',
    profile: 'spec',
  },
  checkFile(doc, context) {
    for (const error of extractShell(doc).errors) {
      // Session transcripts and inline code mix in prose and output; an unclosed fence is another rule's finding.
      if (error.source !== 'fence' || !SHELL_LANGS.has(error.lang) || error.block?.unterminated) continue;
      context.report({
        span: error.span,
        message: `Shell syntax error in \`${error.lang}\` block: ${error.message}`,
        hint: 'close every quote and `$(`, end continued lines with a single `\\`, and write placeholders as `<name>`',
      });
    }
  },
};

export default rule;
