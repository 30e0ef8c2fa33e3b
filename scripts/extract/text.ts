// Text analysis shared by the ranker and the description rules: one tokenizer, one stemmer, one
// stop-word list, so that "distinctive vocabulary" means the same thing to the linter and to routing.

/** Function words and request filler: they say nothing about which skill a request needs. */
const STOP_WORDS = new Set(
  (
    'a about above after again against all also am an and any are as at be because been before being below between both ' +
    'but by can cannot could did do does doing done down during each either else etc every few for from further get gets got ' +
    'give had has have having he her here hers herself him himself his how i if im in into is it its itself ive just let lets ' +
    'like me more most much must my myself need needs no nor not now of off on once one only or other our ours ourselves out ' +
    'over own please same shall she should show so some such tell than that thats the their theirs them themselves then there ' +
    'these they this those through to too under until up us very via want wants was we were what whats when where which while ' +
    'who whom why will with within without would yet you your yours yourself dont doesnt isnt cant wont ill id youre whatever ' +
    'eg ie e g i e vs'
  ).split(/\s+/),
);

/**
 * The sentence frame every description shares ("Use when the user says ...", "Load this skill when ...").
 * Removed before counting terms: otherwise `user`, `use` and `load` look like vocabulary of every skill,
 * and a request about users (of a workspace) would find no skill that owns the word.
 */
const BOILERPLATE = [
  /\b(?:use|load|invoke|trigger|activate)\s+(?:this\s+skill\s+|it\s+)?(?:when(?:ever)?|if)\s+(?:the\s+)?(?:user|you|someone)(?:\s+(?:says|asks|types|writes|wants|mentions|needs|requests|is))?\b/gi,
  /\b(?:use|load)\s+(?:this\s+skill\s+|it\s+)?(?:when(?:ever)?|for|to)\b/gi,
  /\b(?:phrases?|requests?)\s+(?:like|such\s+as)\b/gi,
  /\bthe\s+user\s+(?:says|asks|types|writes|wants|mentions)\b/gi,
];

export function stripBoilerplate(text: string): string {
  let result = text;
  for (const pattern of BOILERPLATE) result = result.replace(pattern, ' ');
  return result;
}

export function isStopWord(word: string): boolean {
  return STOP_WORDS.has(word);
}

/**
 * A light suffix stripper (plural, -ing, -ed, final -e), deliberately conservative: it only needs to
 * make "runs", "running" and "run", or "pricing" and "price", land on one term. Heavier stemmers
 * conflate words the skills keep apart (`user` and `use`).
 */
export function stem(word: string): string {
  let w = word;
  if (w.length <= 3 || /^\d+$/.test(w)) return w;
  if (w.endsWith('ies') && w.length > 4) w = w.slice(0, -3) + 'y';
  else if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (w.endsWith('s') && !/(?:ss|us|is)$/.test(w)) w = w.slice(0, -1);
  const suffix = /(?:ing|ed)$/.exec(w);
  if (suffix) {
    const base = w.slice(0, -suffix[0].length);
    if (base.length >= 3 && /[aeiouy]/.test(base)) {
      w = base;
      // "running" → "runn" → "run"; l, s and z stay doubled ("billing" → "bill", "access").
      if (/([^aeiouylsz])\1$/.test(w)) w = w.slice(0, -1);
    }
  }
  if (w.length > 3 && w.endsWith('e') && !w.endsWith('ee')) w = w.slice(0, -1);
  return w;
}

/** Lower-cased word tokens, apostrophes folded ("don't" → "dont"), hyphenated words split. */
export function words(text: string): string[] {
  // Curly quotes are written as escapes here and below: the bundle stays ASCII, which loads faster
  // (scripts/bin/cached-script.js).
  return text
    .toLowerCase()
    .replace(/['\u2019]/g, '')
    .match(/[a-z0-9]+/g) ?? [];
}

/** Content terms: words minus stop words, stemmed. */
export function terms(text: string): string[] {
  return words(text)
    .filter((w) => !isStopWord(w))
    .map(stem);
}

/**
 * Each content term with the word it was stemmed from (lower-cased, as written otherwise): messages name
 * words a reader wrote ("measuring"), never stems ("measur").
 */
export function termWords(text: string): { term: string; word: string }[] {
  return words(text)
    .filter((w) => !isStopWord(w))
    .map((word) => ({ term: stem(word), word }));
}

/** Content terms plus each pair of adjacent content terms (`error rate` → `error_rat`), within a phrase. */
export function termsWithBigrams(text: string): string[] {
  const result: string[] = [];
  for (const phrase of text.split(/[.,;:!?()[\]{}"\u201c\u201d\n]+/)) {
    const unigrams = terms(phrase);
    result.push(...unigrams);
    for (let i = 0; i + 1 < unigrams.length; i++) result.push(`${unigrams[i]}_${unigrams[i + 1]}`);
  }
  return result;
}

/** Quoted phrases in a description: the literal requests it claims ("download run results"). */
export function triggerPhrases(description: string): string[] {
  const found: string[] = [];
  for (const match of description.matchAll(/"([^"\n]+)"|\u201c([^\u201d\n]+)\u201d/g)) {
    const phrase = (match[1] ?? match[2]).trim();
    if (phrase) found.push(phrase);
  }
  return found;
}

/** Sentences, split after `.`, `!` or `?` followed by white space or the end (not inside `v1.2`). */
export function sentences(text: string): string[] {
  return text
    .split(/(?<=[.!?])["\u201d)]?\s+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The skill names of a package, indexed by the word each is written as. A clause is then checked only
 * against the names it contains: with thousands of skills, testing every name against every clause of
 * every description would grow with the square of the package.
 */
export class SkillNames {
  private readonly order = new Map<string, number>();
  private readonly byWord = new Map<string, string[]>();
  /** Names the word pattern cannot isolate (other characters than letters, digits, `_`, `-`): always tried. */
  private readonly unusual: string[] = [];

  constructor(names: Iterable<string>) {
    for (const name of names) {
      if (this.order.has(name)) continue;
      this.order.set(name, this.order.size);
      if (!/^[\w-]+$/.test(name)) {
        this.unusual.push(name);
        continue;
      }
      const word = name.toLowerCase();
      this.byWord.set(word, [...(this.byWord.get(word) ?? []), name]);
    }
  }

  /** Names (other than `except`) written as a whole word of `text`, in the order they were given. */
  wordsIn(text: string, except?: string): string[] {
    const found = new Set<string>(this.unusual);
    for (const word of text.toLowerCase().match(/[\w-]+/g) ?? []) for (const name of this.byWord.get(word) ?? []) found.add(name);
    if (except !== undefined) found.delete(except);
    return [...found].sort((a, b) => this.order.get(a)! - this.order.get(b)!);
  }
}

export interface SkipClause {
  /** The clause text, as written. */
  text: string;
  /** Offset of the clause in the description. */
  offset: number;
  /** The neighbouring skills it sends the reader to. */
  targets: string[];
}

/** A verb of redirection and what may come between it and a name: `use `, `see also the `. */
const REDIRECT = String.raw`\b(?:use|load|see(?:\s+also)?|prefer|try|switch\s+to|go\s+to|defer\s+to|hand\s+off\s+to)\s+(?:the\s+)?`;
const OPEN_QUOTE = '[`*"\u201c]?';
/** Where a name ends: an optional closing quote, then no word character. */
const NAME_END_SOURCE = '[`*"\u201d]?(?![\\w-])';
/** What follows a name that a clause sends the reader to instead: ` instead`, ` skill instead`. */
const INSTEAD = String.raw`(?:\s+skill)?\s+instead\b`;

const REDIRECT_BEFORE = new RegExp(`${REDIRECT}${OPEN_QUOTE}$`, 'i');
const NAME_END = new RegExp(`^${NAME_END_SOURCE}`);
const INSTEAD_AFTER = new RegExp(`^${NAME_END_SOURCE}${INSTEAD}`, 'i');
const ASCII_NAME = /^[\w-]+$/;

/**
 * Whether `text` sends the reader to `name`: the name, in any letter case, right after a verb of redirection
 * or right before "instead". For names of ASCII word characters, each place the name occurs is checked
 * with the same fixed patterns, so nothing is compiled per name; other names get their own patterns.
 */
export function sendsTo(text: string, name: string): boolean {
  if (!ASCII_NAME.test(name)) {
    const { redirect, instead } = skipPatterns(name);
    return redirect.test(text) || instead.test(text);
  }
  // Only ASCII letters fold to the name's letters (as in a case-insensitive regular expression), and
  // lower-casing only those keeps every offset.
  const lower = text.replace(/[A-Z]+/g, (letters) => letters.toLowerCase());
  const target = name.toLowerCase();
  for (let at = lower.indexOf(target); at !== -1; at = lower.indexOf(target, at + 1)) {
    const after = text.slice(at + target.length);
    if (INSTEAD_AFTER.test(after) || (NAME_END.test(after) && REDIRECT_BEFORE.test(text.slice(0, at)))) return true;
  }
  return false;
}

/** The same two ways, as patterns of their own, for names the fixed patterns cannot find; compiled once per name. */
const skipPatternCache = new Map<string, { redirect: RegExp; instead: RegExp }>();

export function skipPatterns(name: string): { redirect: RegExp; instead: RegExp } {
  let patterns = skipPatternCache.get(name);
  if (!patterns) {
    const quoted = `${OPEN_QUOTE}${escapeRegExp(name)}${NAME_END_SOURCE}`;
    patterns = { redirect: new RegExp(`${REDIRECT}${quoted}`, 'i'), instead: new RegExp(`${quoted}${INSTEAD}`, 'i') };
    skipPatternCache.set(name, patterns);
  }
  return patterns;
}

/**
 * Clauses that send the reader to another skill: "For credit usage use cargo-billing.", "...; load
 * cargo-ai instead". A name only counts after a verb of redirection or before "instead", because a
 * skill name can also be an ordinary word of the text (`cargo-ai` is the CLI's name, too). The names are
 * `otherNames`, or those of `names` other than `self`.
 */
export function skipClauses(description: string, otherNames: readonly string[]): SkipClause[];
export function skipClauses(description: string, names: SkillNames, self: string): SkipClause[];
export function skipClauses(description: string, names: readonly string[] | SkillNames, self?: string): SkipClause[] {
  const index = names instanceof SkillNames ? names : new SkillNames(names);
  const clauses: SkipClause[] = [];
  const pattern = /(?:[^.;!?]|[.;!?](?!\s|$))+(?:[.;!?]+(?=\s|$))?/g;
  for (const match of description.matchAll(pattern)) {
    const text = match[0];
    // The patterns below need the name as a whole word, so names the clause does not contain cannot match.
    const targets = index.wordsIn(text, self).filter((name) => sendsTo(text, name));
    if (targets.length) clauses.push({ text, offset: match.index, targets });
  }
  return clauses;
}

/** The description without its skip clauses: the words that describe this skill's own job. */
export function withoutSkipClauses(description: string, otherNames: readonly string[]): string;
export function withoutSkipClauses(description: string, names: SkillNames, self: string): string;
export function withoutSkipClauses(description: string, names: readonly string[] | SkillNames, self?: string): string {
  const clauses = names instanceof SkillNames ? skipClauses(description, names, self ?? '') : skipClauses(description, names);
  let result = description;
  for (const clause of clauses.reverse()) {
    result = result.slice(0, clause.offset) + ' ' + result.slice(clause.offset + clause.text.length);
  }
  return result;
}
