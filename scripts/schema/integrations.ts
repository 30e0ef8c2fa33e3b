// The integration catalog (schemas/integrations.json, a copy of ../shared/data/integrations.json as listed by
// `cargo-ai connection integration list`): the slugs an `integrationSlug` may take.
import { readFileSync } from 'node:fs';
import { schemaPath } from '../core/paths.ts';

export interface Integration {
  slug: string;
  name: string;
  category: string;
  actions: number;
  credits: boolean;
}

export interface IntegrationCatalog {
  generatedFrom: string;
  source: string;
  count: number;
  integrations: Integration[];
}

const cache = new Map<string, Set<string>>();

export function integrationSlugs(file = schemaPath('integrations.json')): Set<string> {
  let slugs = cache.get(file);
  if (!slugs) {
    const catalog = JSON.parse(readFileSync(file, 'utf8')) as IntegrationCatalog;
    slugs = new Set(catalog.integrations.map((integration) => integration.slug));
    cache.set(file, slugs);
  }
  return slugs;
}
