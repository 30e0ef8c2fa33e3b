// Finds the leading `---` block and parses it as YAML, keeping the position of every key and value: with the
// simple-frontmatter reader when the block is plain enough, else with the yaml library.
import { isMap, isPair, isScalar, LineCounter, parseDocument, type Node as YamlNode } from 'yaml';
import type { Frontmatter, Point, Span } from '../core/types.ts';
import { spanOf } from './positions.ts';
import { readSimpleFrontmatter } from './simple-frontmatter.ts';
import { MAX_YAML_DEPTH, deepestNesting } from './yaml-depth.ts';
import { countRead, referenceParsersOnly } from './fast-read.ts';

const OPEN = /^---[ \t]*\r?\n/;
const CLOSE = /^(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/m;
/** Aliases beyond this count are refused: a few bytes of anchors can otherwise expand exponentially. */
const MAX_ALIAS_COUNT = 50;

/** Which reader parses the YAML: the simple-frontmatter reader where it can (else the yaml library), or the yaml library alone. */
export type FrontmatterReader = 'fast' | 'yaml';

export function parseFrontmatter(text: string, pointAt: (offset: number) => Point, reader: FrontmatterReader = referenceParsersOnly() ? 'yaml' : 'fast'): Frontmatter {
  const result: Frontmatter = {
    present: false,
    unterminated: false,
    raw: '',
    rawOffset: 0,
    keySpans: new Map(),
    valueSpans: new Map(),
    problems: [],
  };
  const open = OPEN.exec(text);
  if (!open) return result;
  result.present = true;
  const rawOffset = open[0].length;
  result.rawOffset = rawOffset;
  const close = CLOSE.exec(text.slice(rawOffset));
  if (!close) {
    result.unterminated = true;
    result.span = spanOf(pointAt, 0, 3);
    result.problems.push({
      code: 'unterminated',
      message: 'Frontmatter opened with `---` is never closed',
      span: spanOf(pointAt, 0, 3),
    });
    return result;
  }
  const rawEnd = rawOffset + close.index;
  result.raw = text.slice(rawOffset, rawEnd);
  result.span = spanOf(pointAt, 0, rawEnd + close[0].replace(/\r?\n$/, '').length);

  const at = (range: [number, number]) => spanOf(pointAt, rawOffset + range[0], rawOffset + range[1]);
  const simple = reader === 'fast' ? readSimpleFrontmatter(result.raw) : undefined;
  if (simple) countRead('frontmatter', simple);
  if (simple && 'read' in simple) {
    result.value = simple.read.value;
    for (const place of simple.read.places) {
      result.keySpans.set(place.path, at(place.key));
      result.valueSpans.set(place.path, at(place.value));
    }
    return result;
  }
  const tooDeep = deepestNesting(result.raw);
  if (tooDeep !== undefined) {
    result.problems.push({
      code: 'too-deep',
      message: `Frontmatter nests more than ${MAX_YAML_DEPTH} levels deep, past what is read`,
      span: at([tooDeep, tooDeep + 1]),
    });
    return result;
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(result.raw, { uniqueKeys: true, prettyErrors: false, lineCounter });
  for (const error of doc.errors) {
    const duplicate = error.code === 'DUPLICATE_KEY';
    result.problems.push({
      code: duplicate ? 'duplicate-key' : 'yaml',
      message: duplicate ? `Duplicate key in frontmatter: ${firstLine(error.message)}` : `Invalid YAML: ${firstLine(error.message)}`,
      span: at([error.pos[0], error.pos[1]]),
    });
  }
  if (doc.errors.length > 0) return result;

  const contents = doc.contents;
  if (contents !== null && !isMap(contents)) {
    const range = (contents as YamlNode).range ?? [0, result.raw.length];
    result.problems.push({
      code: 'not-a-mapping',
      message: 'Frontmatter must be a mapping of keys to values',
      span: at([range[0], range[1]]),
    });
    return result;
  }
  try {
    result.value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) ?? {};
  } catch (error) {
    result.problems.push({
      code: 'yaml',
      message: `Invalid YAML: ${firstLine((error as Error).message)}`,
      span: at([0, Math.min(result.raw.length, 3)]),
    });
    return result;
  }
  if (contents) collectSpans(contents, '', result.keySpans, result.valueSpans, at);
  return result;
}

function collectSpans(
  map: YamlNode,
  prefix: string,
  keySpans: Map<string, Span>,
  valueSpans: Map<string, Span>,
  at: (range: [number, number]) => Span,
): void {
  if (!isMap(map)) return;
  for (const pair of map.items) {
    if (!isPair(pair) || !isScalar(pair.key) || !pair.key.range) continue;
    const key = prefix + String(pair.key.value);
    keySpans.set(key, at([pair.key.range[0], pair.key.range[1]]));
    const value = pair.value as YamlNode | null;
    if (value?.range) valueSpans.set(key, at([value.range[0], value.range[1]]));
    if (value && isMap(value) && prefix === '') collectSpans(value, `${key}.`, keySpans, valueSpans, at);
  }
}

function firstLine(message: string): string {
  return message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '').trim();
}
