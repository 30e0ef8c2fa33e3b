// Markdown must be UTF-8 text of a readable size; a binary or huge file named .md is reported, not parsed.
import type { Rule } from '../core/rule.ts';
import { MAX_PARSE_BYTES } from '../load/files.ts';

const rule: Rule = {
  meta: {
    id: 'file-encoding',
    description: 'Markdown files are valid UTF-8 text without NUL bytes, and small enough to parse (1 MB).',
    severity: 'error',
    profile: 'spec',
  },
  checkFile(doc, context) {
    const point = { line: 1, column: 1, offset: 0 };
    if (doc.file.tooLarge) {
      context.report({
        span: { start: point, end: point },
        message: `File is ${(doc.file.size / 1024 / 1024).toFixed(1)} MB; files over ${MAX_PARSE_BYTES / 1024 / 1024} MB are not parsed`,
        hint: 'split it into smaller reference pages',
      });
      return;
    }
    if (!doc.file.binary) return;
    context.report({
      span: { start: point, end: point },
      message: 'File is not UTF-8 text (invalid byte sequence or NUL byte)',
      hint: 'save the file as UTF-8, or give it an extension other than .md',
    });
  },
};

export default rule;
