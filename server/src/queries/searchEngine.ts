import mongoose from "mongoose";
import type { SearchHit, SearchKind, SearchQuery, SearchResults } from "@forum/shared";
import { anyOf } from "../db/anyOf.js";
import type { DatabaseKind } from "../db/findDatabase.js";
import { badRequest } from "../errors/AppError.js";
import { Group } from "../models/Group.js";
import { SearchEntry, type SearchEntryDocument } from "../models/SearchEntry.js";
import { SearchPosting, type SearchPostingDocument } from "../models/SearchPosting.js";
import { SEARCH_ENTRY_COUNT_ID, SearchTermStat } from "../models/SearchTermStat.js";
import { Tag } from "../models/Tag.js";
import { User } from "../models/User.js";
import { can, type Actor } from "../policies/index.js";
import {
  matchLevel,
  queryWords,
  tokenize,
  fold,
  typoCorrections,
  TYPO_MIN_LETTERS,
  type MatchLevel,
  type QueryWord,
} from "../domain/polishText.js";
import { markAll, snippet } from "../domain/searchSnippet.js";
import { nextDay, warsawMidnight } from "../domain/warsawTime.js";
import { hiddenFreeTags } from "./freeTagVisibility.js";

/**
 * The search engine. A query is answered from postings (models/SearchPosting.ts), in four steps whose cost does not
 * grow with the index:
 *   1. for each query word, the postings of its key terms, best first, at most SEARCH_CANDIDATE_LIMIT, with only the
 *      fields ranking needs, and only what the person may find (the permission fields are on every posting);
 *   2. a word that finds (almost) nothing and may be mistyped is replaced by the dictionary word one edit away that
 *      finds most ("Pokazano wyniki dla: …");
 *   3. when a word had more postings than its limit, the best candidates' postings for every query word are read
 *      (so an entry that has all the words is known to have them) and the words' rarity is taken from the term
 *      counters;
 *   4. ranking, then the shown page's entries are read and their snippets cut.
 * See rank() for the order of hits, and CandidateStrategy for how the database is asked.
 */
export const SEARCH_PAGE_SIZE = 20;
/** Postings read per query word (and per step): bounds the work of a query, whatever the size of the index. */
export const SEARCH_CANDIDATE_LIMIT = 200;
/** Candidates whose postings are completed in step 3, the best first. */
const VERIFIED_CANDIDATES = 100;
/** A word is checked for typos when it finds fewer entries than this and the dictionary does not know it. */
const TYPO_FEW_ENTRIES = 3;

/** A hit on the exact form counts fully, one on another form of the lemma less, one on the fallback stem least. */
const LEVEL_FACTOR: Record<MatchLevel, number> = { exact: 1, lemma: 0.8, stem: 0.6 };
/**
 * Discussions and documents first: people and tags are short, so their terms weigh a lot, and for a topic query
 * ("oświata") their cards would otherwise take the top places. A query that is a person's or tag's name
 * (every query word in the name, and for a tag every word of its name asked) puts the card first instead.
 */
const KIND_PRIOR: Record<SearchKind, number> = {
  thread: 1,
  practice: 1,
  analysis: 1,
  post: 0.9,
  person: 0.35,
  tag: 0.35,
};
const NAMED_CARD_PRIOR = 3;
/** Among equals, the order of kinds (before the date decides). */
const KIND_ORDER: Record<SearchKind, number> = { thread: 0, practice: 1, analysis: 2, post: 3, person: 4, tag: 5 };

type Posting = Pick<
  SearchPostingDocument,
  "entryId" | "term" | "weight" | "forms" | "kind" | "inTitle" | "titleWords" | "tags" | "date"
>;
const POSTING_FIELDS = {
  _id: 0,
  entryId: 1,
  term: 1,
  weight: 1,
  forms: 1,
  kind: 1,
  inTitle: 1,
  titleWords: 1,
  tags: 1,
  date: 1,
} as const;

/** The part of the query that keeps it to what the actor may find (mirrors the read policies, see SearchEntry). */
export function searchScopeFilter(actor: Actor | null): Record<string, unknown> {
  if (!actor) return { visibility: "public" };
  if (can(actor, "readAll", "Group", null)) return {};
  return {
    $or: [
      { visibility: anyOf(["public", "members"]) },
      { visibility: "groups", groupIds: anyOf([...actor.groups.keys()].map((id) => new mongoose.Types.ObjectId(id))) },
    ],
  };
}

async function filterFields(query: SearchQuery): Promise<Record<string, unknown>> {
  const filter: Record<string, unknown> = {};
  if (query.group) {
    const group = await Group.findOne({ slug: query.group }, { _id: 1 }).lean();
    if (!group) throw badRequest("Nieznana grupa.", { group: "Nieznana grupa." });
    filter.groupId = group._id;
  }
  if (query.author) {
    const author = await User.findOne({ username: query.author.toLowerCase() }, { _id: 1 }).lean();
    if (!author) throw badRequest("Nieznany autor.", { author: "Nieznany autor." });
    filter.authorId = author._id;
  }
  if (query.tag) filter.tags = query.tag;
  if (query.from || query.to) {
    filter.date = mongoose.trusted({
      ...(query.from ? { $gte: warsawMidnight(query.from) } : {}),
      ...(query.to ? { $lt: warsawMidnight(nextDay(query.to)) } : {}),
    });
  }
  return filter;
}

/**
 * How postings are fetched. `indexed` (the default) asks once per query word for its terms' postings sorted by
 * weight with a limit: the `{ term, weight }` index returns them in that order (MongoDB merges the index ranges of
 * an `$in` to keep the sort), so each query reads at most its limit. `singleScan` asks once for every word's postings
 * without a limit: right for FerretDB on SQLite, which reads the whole collection for any such query, so one query
 * beats several, and a complete answer needs no step 3.
 */
export type CandidateStrategy = "indexed" | "singleScan";

/** Our own FerretDB runs on SQLite, which scans for every query: one query then beats several. */
export const candidateStrategyFor = (databaseKind: DatabaseKind): CandidateStrategy =>
  databaseKind === "ferretdb" ? "singleScan" : "indexed";

/** A word's postings as fetched; `complete` when the limit did not cut them. */
interface WordPostings {
  postings: Posting[];
  complete: boolean;
}

/** The fetched postings of these terms, best first, at most `limit` (null: all). */
async function fetchPostings(
  filter: Record<string, unknown>,
  terms: string[],
  limit: number | null,
): Promise<WordPostings> {
  const found = SearchPosting.find({ ...filter, term: anyOf([...new Set(terms)]) }, POSTING_FIELDS);
  if (limit === null) return { postings: await found.batchSize(10_000).lean<Posting[]>(), complete: true };
  // One batch: no getMore round trip.
  const postings = await found.sort({ weight: -1 }).limit(limit).batchSize(limit).lean<Posting[]>();
  return { postings, complete: postings.length < limit };
}

/** Step 1: each word's postings, as the strategy asks for them. */
async function postingsByWord(
  filter: Record<string, unknown>,
  words: QueryWord[],
  strategy: CandidateStrategy,
): Promise<WordPostings[]> {
  if (strategy === "singleScan") {
    const all = await fetchPostings(
      filter,
      words.flatMap((word) => word.keys),
      null,
    );
    return words.map((word) => ({
      postings: all.postings.filter((posting) => word.keys.includes(posting.term)),
      complete: true,
    }));
  }
  return Promise.all(words.map((word) => fetchPostings(filter, word.keys, SEARCH_CANDIDATE_LIMIT)));
}

const entryCount = (postings: Posting[]): number => new Set(postings.map((posting) => posting.entryId.toString())).size;

/**
 * Step 2: a word of TYPO_MIN_LETTERS or more that finds nothing, or that the dictionary does not know and finds
 * little, is replaced by the dictionary word one edit away that finds more of what this person may find (all such
 * words are asked in one query). Returns the words and their postings, with the corrected ones swapped in.
 */
async function correctTypos(
  filter: Record<string, unknown>,
  words: QueryWord[],
  found: WordPostings[],
  strategy: CandidateStrategy,
): Promise<{ words: QueryWord[]; found: WordPostings[]; corrected: boolean }> {
  const weak = words.flatMap((word, index) => {
    const entries = entryCount(found[index]!.postings);
    const suspect =
      word.form.length >= TYPO_MIN_LETTERS && (entries === 0 || (!word.known && entries < TYPO_FEW_ENTRIES));
    const corrections = suspect ? typoCorrections(word) : [];
    return corrections.length > 0 ? [{ index, entries, corrections }] : [];
  });
  if (weak.length === 0) return { words, found, corrected: false };
  const terms = weak.flatMap(({ corrections }) => corrections.flatMap((correction) => correction.keys));
  const asked = await fetchPostings(filter, terms, strategy === "singleScan" ? null : SEARCH_CANDIDATE_LIMIT);
  const nextWords = [...words];
  const nextFound = [...found];
  let corrected = false;
  for (const { index, entries, corrections } of weak) {
    let best: { correction: QueryWord; postings: Posting[]; entries: number } | null = null;
    for (const correction of corrections) {
      const postings = asked.postings.filter((posting) => correction.keys.includes(posting.term));
      const count = entryCount(postings);
      if (count > entries && (!best || count > best.entries)) best = { correction, postings, entries: count };
    }
    if (!best) continue;
    nextWords[index] = best.correction;
    nextFound[index] = { postings: best.postings, complete: asked.complete };
    corrected = true;
  }
  return { words: nextWords, found: nextFound, corrected };
}

/** The query as it was searched after corrections: each corrected word replaced where it was typed. */
function correctedQuery(query: string, typed: QueryWord[], searched: QueryWord[]): string {
  const replacements = new Map<string, string>();
  typed.forEach((word, index) => {
    if (searched[index] !== word) replacements.set(word.form, searched[index]!.word);
  });
  let result = "";
  let position = 0;
  for (const token of tokenize(query)) {
    const replacement = replacements.get(fold(token.word));
    if (!replacement) continue;
    result += query.slice(position, token.start) + replacement;
    position = token.end;
  }
  return result + query.slice(position);
}

/** What ranking knows of one candidate: for each query word, its best posting. */
interface Candidate {
  entryId: mongoose.Types.ObjectId;
  kind: SearchKind;
  date: Date | null;
  tags: string[];
  titleWords: number | null;
  matches: Map<number, { value: number; level: MatchLevel; inTitle: boolean }>;
}

function collectCandidates(words: QueryWord[], found: WordPostings[]): Map<string, Candidate> {
  const candidates = new Map<string, Candidate>();
  words.forEach((word, index) => {
    for (const posting of found[index]!.postings) addPosting(candidates, word, index, posting);
  });
  return candidates;
}

function addPosting(candidates: Map<string, Candidate>, word: QueryWord, index: number, posting: Posting): void {
  const level = matchLevel(posting.term, posting.forms ?? [], word);
  if (!level) return;
  const key = posting.entryId.toString();
  let candidate = candidates.get(key);
  if (!candidate) {
    candidate = {
      entryId: posting.entryId,
      kind: posting.kind,
      date: posting.date ?? null,
      tags: posting.tags ?? [],
      titleWords: posting.titleWords ?? null,
      matches: new Map(),
    };
    candidates.set(key, candidate);
  }
  const value = posting.weight * LEVEL_FACTOR[level];
  const known = candidate.matches.get(index);
  if (!known || value > known.value) {
    candidate.matches.set(index, { value, level, inTitle: Boolean(posting.inTitle) || Boolean(known?.inTitle) });
  } else if (posting.inTitle) known.inTitle = true;
}

/**
 * Inverse document frequency per word (BM25's). A word's entries are counted from its postings when the limit did
 * not cut them (what this person may find); otherwise the term counters say how common its terms are.
 */
function wordRarity(
  words: QueryWord[],
  found: WordPostings[],
  counters: Map<string, number>,
  candidateCount: number,
): number[] {
  const total = Math.max(counters.get(SEARCH_ENTRY_COUNT_ID) ?? 0, candidateCount, 1);
  return words.map((word, index) => {
    const { postings, complete } = found[index]!;
    let frequency = entryCount(postings);
    if (!complete) for (const key of word.keys) frequency = Math.max(frequency, counters.get(key) ?? 0);
    return Math.log(1 + (total - frequency + 0.5) / (frequency + 0.5));
  });
}

interface Ranked {
  candidate: Candidate;
  score: number;
  coverage: number;
  inTitle: number;
  exact: number;
}

/**
 * The order of hits: entries with more of the query's words first (so entries with all of them lead, and partial
 * matches follow rather than vanish); then the score: each word's best posting weight (title above text, exact form
 * above lemma above stem) times the word's rarity, times the kind's prior; then more words in the title, more exact
 * forms, the kind (threads, practices, analyses, replies, people, tags) and only then the date.
 */
function rank(words: QueryWord[], candidates: Iterable<Candidate>, rarity: number[]): Ranked[] {
  const ranked: Ranked[] = [];
  for (const candidate of candidates) {
    let base = 0;
    let inTitle = 0;
    let exact = 0;
    for (const [index, match] of candidate.matches) {
      base += rarity[index]! * match.value;
      if (match.inTitle) inTitle++;
      if (match.level === "exact") exact++;
    }
    const coverage = candidate.matches.size;
    const card = candidate.kind === "person" || candidate.kind === "tag";
    const named =
      card &&
      inTitle === words.length &&
      (candidate.kind === "person" || (candidate.titleWords !== null && inTitle >= candidate.titleWords));
    const prior = named ? NAMED_CARD_PRIOR : KIND_PRIOR[candidate.kind];
    ranked.push({ candidate, score: Math.round(base * prior * 1000) / 1000, coverage, inTitle, exact });
  }
  return ranked.sort(
    (a, b) =>
      b.coverage - a.coverage ||
      b.score - a.score ||
      b.inTitle - a.inTitle ||
      b.exact - a.exact ||
      KIND_ORDER[a.candidate.kind] - KIND_ORDER[b.candidate.kind] ||
      (b.candidate.date?.getTime() ?? 0) - (a.candidate.date?.getTime() ?? 0) ||
      a.candidate.entryId.toString().localeCompare(b.candidate.entryId.toString()),
  );
}

/**
 * Step 3: the best candidates' postings for every query term, so that what a word's cut list did not show (an
 * entry in the top of one word's list that has the other words too) counts. Only needed when a list was cut.
 */
async function completeCandidates(
  words: QueryWord[],
  candidates: Map<string, Candidate>,
  rarity: number[],
): Promise<void> {
  const best = rank(words, candidates.values(), rarity).slice(0, VERIFIED_CANDIDATES);
  const ids = best.map(({ candidate }) => candidate.entryId);
  const postings = await SearchPosting.find(
    { entryId: anyOf(ids), term: anyOf([...new Set(words.flatMap((word) => word.keys))]) },
    POSTING_FIELDS,
  )
    .batchSize(10_000)
    .lean<Posting[]>();
  words.forEach((word, index) => {
    for (const posting of postings) if (word.keys.includes(posting.term)) addPosting(candidates, word, index, posting);
  });
}

/**
 * Tags are indexed for every member, but a free tag's name is only for people who may read something carrying it
 * (see hiddenFreeTags): the others' candidates lose it here, at query time, since who carries it changes.
 */
async function withoutHiddenFreeTags(actor: Actor | null, candidates: Map<string, Candidate>): Promise<void> {
  const tagSlugs = [...candidates.values()].flatMap((candidate) =>
    candidate.kind === "tag" && candidate.tags[0] ? [candidate.tags[0]] : [],
  );
  if (tagSlugs.length === 0) return;
  const hidden = await hiddenFreeTags(actor, tagSlugs);
  for (const [key, candidate] of candidates) {
    if (candidate.kind === "tag" && hidden.has(candidate.tags[0] ?? "")) candidates.delete(key);
  }
}

/** Runs a search as `actor` (null: a visitor, who finds public practices and analyses only). */
export async function search(
  actor: Actor | null,
  query: SearchQuery,
  options: { strategy?: CandidateStrategy } = {},
): Promise<SearchResults> {
  const strategy = options.strategy ?? "indexed";
  const typed = queryWords(query.q);
  const empty: SearchResults = {
    query: query.q,
    correctedQuery: null,
    hits: [],
    total: 0,
    totalIsExact: true,
    page: query.page,
    pageSize: SEARCH_PAGE_SIZE,
    countsByKind: {},
  };
  const filter = { ...searchScopeFilter(actor), ...(await filterFields(query)) };
  if (typed.length === 0) return empty;

  // Step 1, with the term counters asked alongside (by _id, so cheap; on a single scan only the entry count).
  const counterIds =
    strategy === "singleScan"
      ? [SEARCH_ENTRY_COUNT_ID]
      : [SEARCH_ENTRY_COUNT_ID, ...typed.flatMap((word) => word.keys)];
  const [firstFound, counterDocuments] = await Promise.all([
    postingsByWord(filter, typed, strategy),
    counterIds.length === 1
      ? SearchTermStat.findById(SEARCH_ENTRY_COUNT_ID)
          .lean()
          .then((counter) => (counter ? [counter] : []))
      : SearchTermStat.find({ _id: anyOf(counterIds) }).lean(),
  ]);
  const counters = new Map(counterDocuments.map((counter) => [counter._id, counter.entries]));
  // Step 2.
  const { words, found, corrected } = await correctTypos(filter, typed, firstFound, strategy);

  let candidates = collectCandidates(words, found);
  const cut = found.some((list) => !list.complete);
  let rarity = wordRarity(words, found, counters, candidates.size);
  // Step 3. A kind filter on a cut list asks again for that kind only, so that its hits are not crowded out.
  if (cut && query.kind) {
    const ofKind = await postingsByWord({ ...filter, kind: query.kind }, words, strategy);
    const counted = candidates;
    candidates = collectCandidates(words, ofKind);
    for (const [key, candidate] of counted) if (!candidates.has(key)) candidates.set(key, candidate);
  }
  if (cut) await completeCandidates(words, candidates, rarity);
  await withoutHiddenFreeTags(actor, candidates);
  rarity = wordRarity(words, found, counters, candidates.size);

  const ranked = rank(words, candidates.values(), rarity);
  const countsByKind: Partial<Record<SearchKind, number>> = {};
  for (const { candidate } of ranked) countsByKind[candidate.kind] = (countsByKind[candidate.kind] ?? 0) + 1;
  const ofKind = query.kind ? ranked.filter(({ candidate }) => candidate.kind === query.kind) : ranked;
  const page = ofKind.slice((query.page - 1) * SEARCH_PAGE_SIZE, query.page * SEARCH_PAGE_SIZE);
  return {
    ...empty,
    correctedQuery: corrected ? correctedQuery(query.q, typed, words) : null,
    hits: await presentHits(page, words, strategy),
    total: ofKind.length,
    totalIsExact: !cut,
    countsByKind,
  };
}

type ShownEntry = Pick<
  SearchEntryDocument,
  "_id" | "kind" | "refId" | "threadId" | "title" | "text" | "groupId" | "tags" | "authorId" | "slug" | "date"
>;
const SHOWN_FIELDS = {
  kind: 1,
  refId: 1,
  threadId: 1,
  title: 1,
  text: 1,
  groupId: 1,
  tags: 1,
  authorId: 1,
  slug: 1,
  date: 1,
} as const;

function urlOf(entry: ShownEntry): string {
  const id = entry.refId.toString();
  switch (entry.kind) {
    case "thread":
      return `/watki/${id}`;
    case "post":
      return `/watki/${entry.threadId?.toString() ?? ""}#wpis-${id}`;
    case "practice":
      return `/praktyki/${id}`;
    case "analysis":
      return `/analizy/${id}`;
    case "person":
      return `/osoby/${encodeURIComponent(entry.slug ?? "")}`;
    case "tag":
      return `/tagi/${encodeURIComponent(entry.slug ?? "")}`;
  }
}

/** Step 4: the shown page's entries, their labels and snippets. */
async function presentHits(page: Ranked[], words: QueryWord[], strategy: CandidateStrategy): Promise<SearchHit[]> {
  if (page.length === 0) return [];
  const entryIds = page.map(({ candidate }) => candidate.entryId);
  // One query by _id on MongoDB; on FerretDB one lookup by _id each, which it answers from its primary key where an
  // $in would read the whole collection.
  const entries =
    strategy === "singleScan"
      ? (await Promise.all(entryIds.map((id) => SearchEntry.findById(id, SHOWN_FIELDS).lean<ShownEntry>()))).filter(
          (entry): entry is ShownEntry => entry !== null,
        )
      : await SearchEntry.find({ _id: anyOf(entryIds) }, SHOWN_FIELDS).lean<ShownEntry[]>();
  const entryOf = new Map(entries.map((entry) => [entry._id.toString(), entry]));
  const authorIds = entries.flatMap((entry) => (entry.authorId ? [entry.authorId] : []));
  const groupIds = entries.flatMap((entry) => (entry.groupId ? [entry.groupId] : []));
  const tagSlugs = [...new Set(entries.flatMap((entry) => (entry.kind === "tag" ? [] : entry.tags)))];
  const [authors, groups, tags] = await Promise.all([
    authorIds.length ? User.find({ _id: anyOf(authorIds) }, { name: 1 }).lean() : [],
    groupIds.length ? Group.find({ _id: anyOf(groupIds) }, { slug: 1, name: 1 }).lean() : [],
    tagSlugs.length ? Tag.find({ slug: anyOf(tagSlugs) }, { slug: 1, name: 1 }).lean() : [],
  ]);
  const authorOf = new Map(authors.map((author) => [author._id.toString(), author]));
  const groupOf = new Map(groups.map((group) => [group._id.toString(), group]));
  const tagName = new Map(tags.map((tag) => [tag.slug, tag.name]));
  return page.flatMap(({ candidate, score }) => {
    // An entry replaced between the ranking and this read (an edit) is left out of this page.
    const entry = entryOf.get(candidate.entryId.toString());
    if (!entry) return [];
    const author = entry.authorId ? authorOf.get(entry.authorId.toString()) : undefined;
    const group = entry.groupId ? groupOf.get(entry.groupId.toString()) : undefined;
    return [
      {
        kind: entry.kind,
        id: entry.refId.toString(),
        title: entry.title,
        url: urlOf(entry),
        titleParts: entry.kind === "post" ? [{ text: entry.title, match: false }] : markAll(entry.title, words),
        snippet: snippet(entry.text ?? "", words),
        author: author ? { id: author._id.toString(), name: author.name } : null,
        group: group ? { slug: group.slug, name: group.name } : null,
        // A person's "tags" are their expertise, a tag's its own slug: only real taxonomy tags are listed.
        tags:
          entry.kind === "tag"
            ? []
            : entry.tags.flatMap((slug) => (tagName.has(slug) ? [{ slug, name: tagName.get(slug)! }] : [])),
        date: entry.date ? new Date(entry.date).toISOString() : null,
        score,
      },
    ];
  });
}
