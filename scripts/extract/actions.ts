// The action catalog (schemas/actions.json) and the action objects written in examples.
import { existsSync, readFileSync } from 'node:fs';
import type { Document, Invocation, Span } from '../core/types.ts';
import { isPlaceholder } from '../parse/placeholders.ts';
import { offsetInValue } from './invocations.ts';
import { parseDocJsonValue } from '../parse/doc-json.ts';
import { offsetInBlock } from '../parse/positions.ts';
import { schemaPath } from '../core/paths.ts';

export interface CatalogAction {
  integrationSlug: string;
  actionSlug: string;
  kind: 'connector' | 'native';
  credits: number | null;
  unit: string;
  source: string;
}

const cache = new Map<string, Map<string, CatalogAction> | null>();

/** Catalog keyed by `integrationSlug/actionSlug` (native actions under `native/`); null when the file is absent. */
export function loadActionCatalog(file = defaultCatalog()): Map<string, CatalogAction> | null {
  const known = cache.get(file);
  if (known !== undefined) return known;
  const catalog = existsSync(file)
    ? new Map((JSON.parse(readFileSync(file, 'utf8')).actions as CatalogAction[]).map((action) => [actionKey(action.integrationSlug, action.actionSlug), action]))
    : null;
  cache.set(file, catalog);
  return catalog;
}

let defaultFile: string | undefined;

/** This repository's catalog, its path worked out once: every page asks for it. */
function defaultCatalog(): string {
  defaultFile ??= schemaPath('actions.json');
  return defaultFile;
}

export function actionKey(integrationSlug: string, actionSlug: string): string {
  return `${integrationSlug}/${actionSlug}`;
}

export interface FoundAction {
  integrationSlug: string;
  actionSlug: string;
  config: unknown;
  /** Span of the `actionSlug` value where it could be located, else of the word or block. */
  span: Span;
  /** Found in the `--action` flag of an invocation. */
  flag?: { invocation: Invocation; index: number };
}

/** What findActions last found in each document, and from which invocations: two rules ask, per file. */
const foundIn = new WeakMap<Document, { invocations: Invocation[]; found: FoundAction[] }>();

/** Action objects (`actionSlug` plus `integrationSlug`, or `kind: native`) in JSON flag values and json blocks. */
export function findActions(doc: Document, invocations: Invocation[]): FoundAction[] {
  const known = foundIn.get(doc);
  if (known?.invocations === invocations) return known.found;
  const found = findActionsUncached(doc, invocations);
  foundIn.set(doc, { invocations, found });
  return found;
}

function findActionsUncached(doc: Document, invocations: Invocation[]): FoundAction[] {
  const found: FoundAction[] = [];
  for (const invocation of invocations) {
    invocation.args.forEach((word, index) => {
      // As for blocks below: a word that never names an actionSlug holds no action, and is not parsed.
      if (word.dynamic || !word.value.includes('actionSlug') || !/^\s*[[{]/.test(word.value)) return;
      const parsed = parseDocJsonValue(word.value);
      if (!parsed.ok) return;
      const flagName = invocation.args[index - 1]?.value;
      for (const action of actionObjects(parsed.value)) {
        const at = word.value.indexOf(`"${action.actionSlug}"`);
        const offset = at >= 0 ? offsetInValue(doc, word, at + 1) : undefined;
        const span = offset === undefined ? word.span : { start: doc.pointAt(offset), end: doc.pointAt(offset + action.actionSlug.length) };
        found.push({ ...action, span, ...(flagName === '--action' ? { flag: { invocation, index } } : {}) });
      }
    });
  }
  for (const block of doc.codeBlocks) {
    if (block.lang !== 'json' || !block.value.includes('actionSlug')) continue;
    const parsed = parseDocJsonValue(block.value);
    if (!parsed.ok) continue;
    let searchFrom = 0;
    for (const action of actionObjects(parsed.value)) {
      const at = block.value.indexOf(`"${action.actionSlug}"`, searchFrom);
      searchFrom = at >= 0 ? at + 1 : searchFrom;
      const offset = at >= 0 ? offsetInBlock(block.value, block.lineOffsets, at + 1) : block.span.start.offset;
      found.push({ ...action, span: { start: doc.pointAt(offset), end: doc.pointAt(offset + action.actionSlug.length) } });
    }
  }
  return found;
}

function actionObjects(value: unknown): { integrationSlug: string; actionSlug: string; config: unknown }[] {
  const out: { integrationSlug: string; actionSlug: string; config: unknown }[] = [];
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const current = stack.pop();
    if (Array.isArray(current)) {
      for (let i = current.length - 1; i >= 0; i--) stack.push(current[i]);
      continue;
    }
    if (!current || typeof current !== 'object') continue;
    const object = current as Record<string, unknown>;
    const { actionSlug, integrationSlug, kind } = object;
    if (typeof actionSlug === 'string' && !isPlaceholder(actionSlug)) {
      if (kind === 'native') out.push({ integrationSlug: 'native', actionSlug, config: object.config });
      else if (typeof integrationSlug === 'string' && !isPlaceholder(integrationSlug)) out.push({ integrationSlug, actionSlug, config: object.config });
    }
    for (const child of Object.values(object).reverse()) stack.push(child);
  }
  return out;
}
