import { createRequire } from "node:module";
import { polishDictionary } from "./polishDictionary.js";

/**
 * Polish text for search. What is indexed and what is asked go through the same analysis: every word becomes its
 * folded form (lower case, diacritics dropped: "Oświaty" → "oswiaty") and one or more key terms:
 *   `l:<lemma>`  each lemma the dictionary (morfologik-polish, see polishDictionary.ts) gives for the word, folded:
 *                "oświacie", "oświatą", "oswiaty" → l:oswiata; "Karcie" → l:karta (and l:kart, the dictionary's
 *                other reading); "szkół" → l:szkola;
 *   `s:<stem>`   for a word of letters the dictionary lacks (a surname, a new word): its stem from @nlpjs/lang-pl,
 *                the fallback;
 *   `w:<form>`   for a token that is not a word of letters ("3D", "2025").
 * A query word finds a document word when they share a key. The index keeps, with each key, the forms that produced
 * it, so a hit ranks by how close it is: the exact form (folded) > the same lemma > the same fallback stem.
 *
 * A word written with Polish letters is looked up as written; a word with none is looked up under every spelling that
 * folds to it, since whoever types "oswiata" or "szkole" may mean "oświata", "szkole" or "szkołę" (and "szkol" means
 * "szkół" as often as the verb). That holds for indexed text too, so a post typed without diacritics is found.
 */
// @nlpjs/lang-pl is CommonJS without types: the one class used is typed here.
const { StemmerPl } = createRequire(import.meta.url)("@nlpjs/lang-pl") as {
  StemmerPl: new () => { stem(tokens: string[]): string[] };
};
const stemmer = new StemmerPl();

const MIN_WORD = 2;
/** Shorter unknown words are kept whole: the stemmer would cut them to nothing useful. */
const MIN_STEMMED = 4;
/** Words longer than this are cut (URLs, pasted identifiers): a term stays small. */
const MAX_WORD = 40;
/** Typos are looked for in words this long or longer: shorter ones have too many real neighbours. */
export const TYPO_MIN_LETTERS = 5;

const STOP_WORDS_SOURCE =
  "a aby ale bez bo by być był była było były będzie będą ci co czy dla do gdy gdzie go i ich ile im in iż ja jak jako je jego jej jest jeszcze już każdy kiedy która które którego której który których lub ma mi mnie może można na nad nam nas nie nich nim niż o od oraz po pod przed przez przy razem są się so sobie ta tak tam te tego tej ten też to tu tych tym u w we więc wszystko z za że żeby ze zł";
const STOP_WORDS = new Set(STOP_WORDS_SOURCE.split(" ").map(fold));

/** Lower case, Polish diacritics folded to ASCII (ł is not a combining mark, so it needs its own rule). */
export function fold(text: string): string {
  return text.toLowerCase().normalize("NFD").replace(/\p{M}/gu, "").replace(/ł/g, "l");
}

const POLISH_LETTER = /[ąćęłńóśźż]/;
const LETTERS = /^\p{L}+$/u;

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

/** Words worth indexing or searching: not stop words, not single letters. */
export function contentWords(text: string): WordToken[] {
  return tokenize(text).filter((token) => token.word.length >= MIN_WORD && !isStopWord(token.word));
}

/** StemmerPl, plus the genitive plural "-ów" it leaves on ("dyrektorów", "uczniów", "rodziców"). */
function fallbackStem(word: string): string {
  const stem = stemmer.stem([word])[0] ?? word;
  return stem.length >= 6 && stem.endsWith("ów") ? stem.slice(0, -2) : stem;
}

/** The dictionary's lemmas of a lower-case word, folded (see the file comment for when spellings are widened). */
function dictionaryLemmas(word: string): string[] {
  const dictionary = polishDictionary();
  let entries = POLISH_LETTER.test(word) ? dictionary.lookup(word) : [];
  if (entries.length === 0) entries = dictionary.lookupFolded(word);
  return [...new Set(entries.flatMap((entry) => entry.lemmas.map(fold)))];
}

/** What one word is indexed and searched by. */
export interface WordAnalysis {
  /** The folded form: an exact-form match compares it. */
  form: string;
  /** Its key terms (see the file comment), at least one. */
  keys: string[];
  /** Whether the dictionary knows the word (its keys are lemmas). */
  known: boolean;
}

const analysisCache = new Map<string, WordAnalysis>();
const ANALYSIS_CACHE_LIMIT = 50_000;

export function analyseWord(word: string): WordAnalysis {
  const lower = word.toLowerCase();
  const cached = analysisCache.get(lower);
  if (cached) return cached;
  const form = fold(lower);
  const lemmas = LETTERS.test(lower) ? dictionaryLemmas(lower) : [];
  let analysis: WordAnalysis;
  if (lemmas.length > 0) analysis = { form, keys: lemmas.map((lemma) => `l:${lemma}`), known: true };
  else if (LETTERS.test(lower) && lower.length >= MIN_STEMMED)
    analysis = { form, keys: [`s:${fold(fallbackStem(lower)) || form}`], known: false };
  else analysis = { form, keys: [`w:${form}`], known: false };
  if (analysisCache.size >= ANALYSIS_CACHE_LIMIT) analysisCache.clear();
  analysisCache.set(lower, analysis);
  return analysis;
}

/** One key term of a text: how many of its words gave it, and in which forms. */
export interface TermOccurrences {
  count: number;
  forms: Set<string>;
}

/** A text's key terms and its length in content words (the index weighs terms by both). */
export function textTerms(text: string): { length: number; terms: Map<string, TermOccurrences> } {
  const terms = new Map<string, TermOccurrences>();
  const words = contentWords(text);
  for (const token of words) {
    const analysis = analyseWord(token.word);
    for (const key of analysis.keys) {
      const occurrences = terms.get(key) ?? { count: 0, forms: new Set<string>() };
      occurrences.count += 1;
      occurrences.forms.add(analysis.form);
      terms.set(key, occurrences);
    }
  }
  return { length: words.length, terms };
}

export type MatchLevel = "exact" | "lemma" | "stem";

/** One word of a query: as typed, folded, and the keys that find it. */
export interface QueryWord extends WordAnalysis {
  word: string;
}

export function queryWords(query: string): QueryWord[] {
  const seen = new Set<string>();
  const words: QueryWord[] = [];
  for (const token of contentWords(query)) {
    const analysis = analyseWord(token.word);
    if (seen.has(analysis.form)) continue;
    seen.add(analysis.form);
    words.push({ word: token.word, ...analysis });
  }
  return words;
}

/** How an indexed key, with the forms that produced it in one document, matches a query word; null if it does not. */
export function matchLevel(key: string, forms: readonly string[], queryWord: QueryWord): MatchLevel | null {
  if (!queryWord.keys.includes(key)) return null;
  if (key.startsWith("w:") || forms.includes(queryWord.form)) return "exact";
  return key.startsWith("l:") ? "lemma" : "stem";
}

/** Whether one word of a text matches a query word (used to mark titles and snippets). */
export function wordMatches(word: string, queryWord: QueryWord): boolean {
  if (word.length < MIN_WORD || isStopWord(word)) return false;
  const analysis = analyseWord(word);
  return analysis.form === queryWord.form || analysis.keys.some((key) => queryWord.keys.includes(key));
}

const ALPHABET = "abcdefghijklmnopqrstuvwxyz";

/** Every string one Damerau–Levenshtein edit (delete, swap two neighbours, replace, insert) away from `word`. */
export function singleEdits(word: string): Set<string> {
  const edits = new Set<string>();
  for (let index = 0; index <= word.length; index++) {
    const before = word.slice(0, index);
    const after = word.slice(index);
    if (after) edits.add(before + after.slice(1));
    if (after.length > 1) edits.add(before + after[1] + after[0] + after.slice(2));
    for (const letter of ALPHABET) {
      if (after && letter !== after[0]) edits.add(before + letter + after.slice(1));
      edits.add(before + letter + after);
    }
  }
  edits.delete(word);
  return edits;
}

/**
 * Dictionary words one edit away from a query word that may be mistyped ("dowuz" → "dowóz"), as query words of their
 * own; each is one folded spelling with every lemma it can be (so "dowoz" stands for "dowóz" and "dowoź"), shown as
 * the dictionary writes it. Words that lead back to the query word's own lemmas are left out. Which one is used is
 * the engine's choice (the one that finds most of what the person may read).
 */
export function typoCorrections(queryWord: QueryWord): QueryWord[] {
  if (queryWord.form.length < TYPO_MIN_LETTERS || !/^[a-z]+$/.test(queryWord.form)) return [];
  // One correction per set of lemmas ("oświat" and "oświata" are one), preferring a spelling that is a lemma.
  const corrections = new Map<string, QueryWord & { isLemma: boolean }>();
  for (const edit of singleEdits(queryWord.form)) {
    const entries = polishDictionary().lookupFolded(edit);
    if (entries.length === 0) continue;
    const keys = [...new Set(entries.flatMap((entry) => entry.lemmas.map((lemma) => `l:${fold(lemma)}`)))].sort();
    if (keys.every((key) => queryWord.keys.includes(key))) continue;
    const lemmaSpelling = entries.find((entry) =>
      entry.lemmas.some((lemma) => lemma.toLowerCase() === entry.form.toLowerCase()),
    );
    const signature = keys.join(" ");
    const known = corrections.get(signature);
    if (known && (known.isLemma || !lemmaSpelling)) continue;
    const shown = (lemmaSpelling ?? entries[0]!).form.toLowerCase();
    corrections.set(signature, { word: shown, form: edit, keys, known: true, isLemma: Boolean(lemmaSpelling) });
  }
  return [...corrections.values()].map(({ isLemma: _isLemma, ...correction }) => correction);
}
