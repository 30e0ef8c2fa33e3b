// Frontmatter fields checked with ajv against schemas/skill-frontmatter.schema.json, per profile. In the spec
// profile, fields that real clients document (schemas/client-frontmatter-fields.json) are warnings naming the
// client that reads them, not errors: a skill written for Claude Code is not wrong to use them.
import type { ErrorObject } from 'ajv';
import type { FileContext, Rule } from '../core/rule.ts';
import type { Document, Span } from '../core/types.ts';
import { type ClientField, clientFrontmatterFields } from '../schema/client-fields.ts';
import { frontmatterValidators } from '../schema/frontmatter-validators.ts';

const HINTS: Record<string, string> = {
  name: 'use 1-64 lowercase letters, digits and single hyphens, e.g. `pdf-tools`',
  description: 'say what the skill does and when to load it, in at most 1024 characters',
  compatibility: 'at most 500 characters naming what the skill needs, e.g. "Requires Python 3.10 and network access."',
  'metadata.version': 'use MAJOR.MINOR.PATCH, quoted, e.g. "1.0.0"',
  'metadata.author': 'set `metadata.author` to the maintaining team',
};

/** Hints of the house profile, where it asks more than the specification. */
const HOUSE_HINTS: Record<string, string> = {
  compatibility: 'at most 500 characters; this package names `@cargo-ai/cli`, e.g. "Requires @cargo-ai/cli (npm) and a Cargo account."',
};

const rule: Rule = {
  meta: {
    id: 'frontmatter-schema',
    description: 'SKILL.md frontmatter has the allowed fields with valid values (Agent Skills spec; house profile adds version, author, compatibility).',
    severity: 'error',
    profile: 'spec',
  },
  checkFile(doc, context) {
    if (!isSkillMd(doc) || doc.frontmatter.value === undefined || doc.frontmatter.problems.length > 0) return;
    const validate = frontmatterValidators()[context.profile];
    const value = context.profile === 'spec' ? withoutClientFields(doc, context) : doc.frontmatter.value;
    if (validate(value)) return;
    const seen = new Set<string>();
    for (const error of validate.errors ?? []) {
      if (error.keyword === 'allOf' || error.keyword === '$ref') continue;
      const { key, message } = describe(error);
      if (seen.has(`${key}:${message}`)) continue;
      seen.add(`${key}:${message}`);
      context.report({ span: spanFor(doc, key, error.keyword === 'additionalProperties'), message, hint: (context.profile === 'cargo' ? HOUSE_HINTS[key] : undefined) ?? HINTS[key] });
    }
  },
};

/**
 * The frontmatter without the client fields it holds, each reported as a warning that names its clients (or as
 * an error when its value has a type the client does not read), so the specification's schema judges the rest.
 */
function withoutClientFields(doc: Document, context: FileContext): unknown {
  const value = doc.frontmatter.value;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  const { fields, listForms } = clientFrontmatterFields();
  const rest: Record<string, unknown> = { ...(value as Record<string, unknown>) };
  for (const [key, field] of Object.entries(rest)) {
    const known: ClientField | undefined = Object.hasOwn(fields, key) ? fields[key] : undefined;
    const listForm = Object.hasOwn(listForms, key) && Array.isArray(field) ? listForms[key] : undefined;
    if (!known && !listForm) continue;
    delete rest[key];
    const clients = (known ?? listForm)!.clients.join(' and ');
    const span = spanFor(doc, key, true);
    if (listForm && Array.isArray(field)) {
      if (field.every((item: unknown) => typeof item === listForm.items)) {
        context.report({ span, severity: 'warning', message: `\`${key}\` as a YAML list is read by ${clients}; the Agent Skills specification has a space-separated string`, hint: `write \`${key}: ${field.join(' ')}\` for every client` });
      } else {
        context.report({ span, message: `\`${key}\` must list ${listForm.items}s`, hint: `write \`${key}\` as a space-separated string` });
      }
    } else if (typeOf(field) !== known!.type) {
      context.report({ span: spanFor(doc, key, false), message: `\`${key}\` must be a ${known!.type}, as ${clients} read${known!.clients.length > 1 ? '' : 's'} it` });
    } else {
      context.report({ span, severity: 'warning', message: `\`${key}\` is not in the Agent Skills specification; ${clients} read${known!.clients.length > 1 ? '' : 's'} it`, hint: 'other clients ignore it: keep it only for those clients' });
    }
  }
  return rest;
}

function typeOf(value: unknown): string {
  return value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
}

export function isSkillMd(doc: Document): boolean {
  const file = doc.file.path;
  if (!file.endsWith('SKILL.md')) return false;
  const before = file[file.length - 9];
  return before === undefined || before === '/' || before === '\\';
}

function describe(error: ErrorObject): { key: string; message: string } {
  const base = error.instancePath.slice(1).split('/').filter(Boolean).join('.');
  const at = (key: string) => (base ? `${base}.${key}` : key);
  switch (error.keyword) {
    case 'required': {
      const key = at(String(error.params.missingProperty));
      return { key, message: `Frontmatter is missing \`${key}\`` };
    }
    case 'additionalProperties': {
      const key = at(String(error.params.additionalProperty));
      return {
        key,
        message: base
          ? `\`${key}\` is not allowed here`
          : `\`${key}\` is not a frontmatter field of the Agent Skills specification (allowed: name, description, license, compatibility, metadata, allowed-tools)`,
      };
    }
    case 'maxLength':
    case 'minLength':
      return { key: base, message: `\`${base}\` ${error.keyword === 'maxLength' ? 'is longer than' : 'is shorter than'} ${error.params.limit} characters` };
    case 'pattern':
      return { key: base, message: `\`${base}\` has an invalid format` };
    case 'type':
      return { key: base, message: `\`${base || 'frontmatter'}\` must be a ${error.params.type}` };
    default:
      return { key: base, message: `\`${base}\` ${error.message ?? 'is invalid'}` };
  }
}

function spanFor(doc: Document, key: string, preferKey: boolean): Span {
  const { keySpans, valueSpans, span } = doc.frontmatter;
  const fallback = span ?? { start: doc.pointAt(0), end: doc.pointAt(0) };
  if (!key) return fallback;
  const parts = key.split('.');
  for (let i = parts.length; i > 0; i--) {
    const candidate = parts.slice(0, i).join('.');
    const found = (!preferKey && i === parts.length && valueSpans.get(candidate)) || keySpans.get(candidate);
    if (found) return found;
  }
  return { start: fallback.start, end: doc.pointAt(3) };
}

export default rule;
