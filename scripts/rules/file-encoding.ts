// Markdown must be UTF-8 text; a binary file named .md is reported, not parsed.
import type { Rule } from '../core/rule.ts';

const rule: Rule = {
  meta: {
    id: 'file-encoding',
    description: 'Markdown files are valid UTF-8 text without NUL bytes.',
    severity: 'error',
    profile: 'spec',
  },
  checkDocument(doc, context) {
    if (!doc.file.binary) return;
    const point = { line: 1, column: 1, offset: 0 };
    context.report({
      span: { start: point, end: point },
      message: 'File is not UTF-8 text (invalid byte sequence or NUL byte)',
      hint: 'save the file as UTF-8, or give it an extension other than .md',
    });
  },
};

export default rule;
