// Frontmatter fields that clients read beyond the Agent Skills specification: data in
// schemas/client-frontmatter-fields.json, read once.
import { readFileSync } from 'node:fs';
import { schemaPath } from '../core/paths.ts';

export interface ClientField {
  clients: string[];
  type: 'string' | 'boolean' | 'object';
}

export interface ClientFields {
  fields: Record<string, ClientField>;
  /** Fields the specification has as a string that some clients also read as a YAML list. */
  listForms: Record<string, { clients: string[]; items: 'string' }>;
}

let loaded: ClientFields | undefined;

export function clientFrontmatterFields(): ClientFields {
  loaded ??= JSON.parse(readFileSync(schemaPath('client-frontmatter-fields.json'), 'utf8')) as ClientFields;
  return loaded;
}
