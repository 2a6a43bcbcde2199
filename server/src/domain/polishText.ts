import { createRequire } from "node:module";

/**
 * Polish text processing for search. Every word is indexed under three kinds of term:
 *   `w:<folded word>`   the exact form, diacritics folded ("szkół" → w:szkol);
 *   `s:<folded stem>`   its stem ("szkołach" → s:szko, "szkoła" → s:szkol);
 *   `p:<truncation>`    the stem cut by up to PREFIX_SLACK letters, never below MIN_PREFIX.
 * A query word matches a document word when their stem truncations meet: the Polish stemmer is rough (it leaves
 * "szkół" as "szkó" and "szkoła" as "szkoł"), so an exact stem match alone would miss most inflected forms.
 * The kind of term that matched ranks the hit: exact form > stem > prefix.
 */
// @nlpjs/lang-pl is CommonJS without types: the one class used is typed here.
const { StemmerPl } = createRequire(import.meta.url)("@nlpjs/lang-pl") as {
  StemmerPl: new () => { stem(tokens: string[]): string[] };
};
const stemmer = new StemmerPl();

const MIN_WORD = 2;
const MIN_PREFIX = 4;
const PREFIX_SLACK = 2;
/** Words longer than this are cut (URLs, pasted identifiers): a term stays small. */
const MAX_WORD = 40;

const STOP_WORDS_SOURCE =
  "a aby ale bez bo by być był była było były będzie będą ci co czy dla do gdy gdzie go i ich ile im in iż ja jak jako je jego jej jest jeszcze już każdy kiedy która które którego której który których lub ma mi mnie może można na nad nam nas nie nich nim niż o od oraz po pod przed przez przy razem są się so sobie ta tak tam te tego tej ten też to tu tych tym u w we więc wszystko z za że żeby ze zł";
const STOP_WORDS = new Set(STOP_WORDS_SOURCE.split(" ").map(fold));

/** Lower case, Polish diacritics folded to ASCII (ł is not a combining mark, so it needs its own rule). */
export function fold(text: string): string {
  return text.toLowerCase().normalize("NFD").replace(/\p{M}/gu, "").replace(/ł/g, "l");
}

/** A word as it stands in the text: its position (for snippets) and its lower-case form. */
export interface WordToken {
  word: string;
  start: number;
  end: number;
}

/** Words of the text with their positions; numbers count as words. */
export function tokenize(text: string): WordToken[] {
  const tokens: WordToken[] = [];
  for (const match of text.matchAll(/[\p{L}\p{N}]+/gu)) {
    tokens.push({
      word: match[0].toLowerCase().slice(0, MAX_WORD),
      start: match.index,
      end: match.index + match[0].length,
    });
  }
  return tokens;
}

export const isStopWord = (word: string): boolean => STOP_WORDS.has(fold(word));

/** StemmerPl, plus the genitive plural "-ów" it leaves on ("dyrektorów", "uczniów", "rodziców"). */
function stemPl(word: string): string {
  const stem = stemmer.stem([word])[0] ?? word;
  return stem.length >= 6 && stem.endsWith("ów") ? stem.slice(0, -2) : stem;
}

/** What a word is indexed and searched by. */
export interface WordKeys {
  form: string;
  stem: string;
  /** Truncations of the stem, longest first, the stem itself included. */
  prefixes: string[];
}

const keyCache = new Map<string, WordKeys>();
const KEY_CACHE_LIMIT = 50_000;

export function wordKeys(word: string): WordKeys {
  const lower = word.toLowerCase();
  const cached = keyCache.get(lower);
  if (cached) return cached;
  const form = fold(lower);
  const stem = /^\p{L}{4,}$/u.test(lower) ? fold(stemPl(lower)) || form : form;
  const prefixes = [stem];
  for (let length = stem.length - 1; length >= Math.max(MIN_PREFIX, stem.length - PREFIX_SLACK); length--) {
    prefixes.push(stem.slice(0, length));
  }
  const keys = { form, stem, prefixes };
  if (keyCache.size >= KEY_CACHE_LIMIT) keyCache.clear();
  keyCache.set(lower, keys);
  return keys;
}

/** Words worth indexing or searching: not stop words, not single letters. */
export function contentWords(text: string): WordToken[] {
  return tokenize(text).filter((token) => token.word.length >= MIN_WORD && !isStopWord(token.word));
}

/** The terms a document's text is indexed under (see the file comment). */
export function indexTerms(text: string): string[] {
  const terms = new Set<string>();
  for (const token of contentWords(text)) {
    const keys = wordKeys(token.word);
    terms.add(`w:${keys.form}`);
    terms.add(`s:${keys.stem}`);
    for (const prefix of keys.prefixes.slice(1)) terms.add(`p:${prefix}`);
  }
  return [...terms];
}

export type MatchLevel = "exact" | "stem" | "prefix";

/** One word of a query with the terms that find it, by level. */
export interface QueryWord {
  word: string;
  exact: string;
  stem: string;
  /** Any of these in a document is a prefix-level match. */
  loose: string[];
  all: string[];
}

export function queryWords(query: string): QueryWord[] {
  const seen = new Set<string>();
  const words: QueryWord[] = [];
  for (const token of contentWords(query)) {
    const keys = wordKeys(token.word);
    if (seen.has(keys.form)) continue;
    seen.add(keys.form);
    const exact = `w:${keys.form}`;
    const stem = `s:${keys.stem}`;
    const loose = [
      ...keys.prefixes.slice(1).map((prefix) => `s:${prefix}`),
      ...keys.prefixes.map((prefix) => `p:${prefix}`),
    ];
    words.push({ word: token.word, exact, stem, loose, all: [exact, stem, ...loose] });
  }
  return words;
}

/** How well a set of document terms matches one query word; null when it does not. */
export function matchLevel(terms: ReadonlySet<string>, queryWord: QueryWord): MatchLevel | null {
  if (terms.has(queryWord.exact)) return "exact";
  if (terms.has(queryWord.stem)) return "stem";
  return queryWord.loose.some((term) => terms.has(term)) ? "prefix" : null;
}

/** Whether one word of a text matches a query word (used to mark snippets). */
export function wordMatches(word: string, queryWord: QueryWord): boolean {
  if (word.length < MIN_WORD || isStopWord(word)) return false;
  const keys = wordKeys(word);
  const terms = new Set([`w:${keys.form}`, `s:${keys.stem}`, ...keys.prefixes.slice(1).map((prefix) => `p:${prefix}`)]);
  return matchLevel(terms, queryWord) !== null;
}
