import mongoose from "mongoose";
import type { SearchHit, SearchKind, SearchQuery, SearchResults } from "@forum/shared";
import { anyOf } from "../db/anyOf.js";
import type { DatabaseKind } from "../db/findDatabase.js";
import { badRequest } from "../errors/AppError.js";
import { Group } from "../models/Group.js";
import { SearchEntry, type SearchEntryDocument } from "../models/SearchEntry.js";
import { Tag } from "../models/Tag.js";
import { User } from "../models/User.js";
import { can, type Actor } from "../policies/index.js";
import { matchLevel, queryWords, type MatchLevel, type QueryWord } from "../domain/polishText.js";
import { markAll, snippet } from "../domain/searchSnippet.js";
import { nextDay, warsawMidnight } from "../domain/warsawTime.js";
import { hiddenFreeTags } from "./freeTagVisibility.js";

/**
 * At most this many candidates are ranked per query (newest index entries are not preferred: the database returns
 * them in its own order). Beyond it the total is reported as inexact; users narrow the query or add filters.
 */
export const SEARCH_CANDIDATE_LIMIT = 1000;
export const SEARCH_PAGE_SIZE = 20;

const TITLE_WEIGHT: Record<MatchLevel, number> = { exact: 10, stem: 8, prefix: 5 };
const BODY_WEIGHT: Record<MatchLevel, number> = { exact: 4, stem: 3, prefix: 2 };
const ALL_WORDS_BONUS = 5;
/** Up to this much for something written today, fading over about a year: relevance first, then freshness. */
const RECENCY_WEIGHT = 1.5;
const DAY_MS = 86_400_000;

type Candidate = Pick<
  SearchEntryDocument,
  | "_id"
  | "kind"
  | "refId"
  | "threadId"
  | "title"
  | "terms"
  | "titleTerms"
  | "groupId"
  | "tags"
  | "authorId"
  | "slug"
  | "date"
>;

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

function score(candidate: Candidate, words: QueryWord[], now: number): { score: number; matched: number } {
  const title = new Set(candidate.titleTerms);
  const body = new Set(candidate.terms);
  let total = 0;
  let matched = 0;
  for (const word of words) {
    const inTitle = matchLevel(title, word);
    const inBody = inTitle ? null : matchLevel(body, word);
    if (inTitle) total += TITLE_WEIGHT[inTitle];
    else if (inBody) total += BODY_WEIGHT[inBody];
    if (inTitle || inBody) matched++;
  }
  if (matched === words.length) total += ALL_WORDS_BONUS;
  if (candidate.date) {
    const ageDays = Math.max(0, (now - new Date(candidate.date).getTime()) / DAY_MS);
    total += RECENCY_WEIGHT * Math.exp(-ageDays / 365);
  }
  return { score: Math.round(total * 100) / 100, matched };
}

function urlOf(entry: Candidate): string {
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

const PROJECTION = {
  kind: 1,
  refId: 1,
  threadId: 1,
  title: 1,
  terms: 1,
  titleTerms: 1,
  groupId: 1,
  tags: 1,
  authorId: 1,
  slug: 1,
  date: 1,
} as const;

/**
 * How candidates are fetched. `anchored` (the default) runs one query per term of the query's most specific word,
 * each with that term as a plain top-level equality: MongoDB answers it from the multikey index on `terms`, and
 * FerretDB on PostgreSQL pushes it down to PostgreSQL (where a GIN index on the terms serves it, see the README).
 * `singleScan` asks once: right for FerretDB on SQLite, which reads the whole collection for any such query.
 */
export type CandidateStrategy = "anchored" | "singleScan";

/** Our own FerretDB runs on SQLite, which scans for every query: one query then beats several. */
export const candidateStrategyFor = (databaseKind: DatabaseKind): CandidateStrategy =>
  databaseKind === "ferretdb" ? "singleScan" : "anchored";

async function findCandidates(
  filter: Record<string, unknown>,
  limit = SEARCH_CANDIDATE_LIMIT + 1,
): Promise<Candidate[]> {
  return SearchEntry.find(filter, PROJECTION).limit(limit).lean<Candidate[]>();
}

/** The word most likely to be rare: the longest one. */
const anchorWord = (words: QueryWord[]): QueryWord =>
  words.reduce((longest, word) => (word.exact.length > longest.exact.length ? word : longest));

/** Union of one query per anchor term (sequential: a small pool serves many requests), up to the candidate limit. */
async function findAnchored(filter: Record<string, unknown>, anchorTerms: string[]): Promise<Candidate[]> {
  const found = new Map<string, Candidate>();
  for (const term of anchorTerms) {
    const batch = await findCandidates({ ...filter, terms: term }, SEARCH_CANDIDATE_LIMIT + 1 - found.size);
    for (const candidate of batch) found.set(candidate._id.toString(), candidate);
    if (found.size > SEARCH_CANDIDATE_LIMIT) break;
  }
  return [...found.values()];
}

async function everyWordCandidates(
  base: Record<string, unknown>,
  words: QueryWord[],
  strategy: CandidateStrategy,
): Promise<Candidate[]> {
  const everyWord = { $and: words.map((word) => ({ terms: anyOf(word.all) })) };
  if (strategy === "singleScan") return findCandidates({ ...base, ...everyWord });
  return findAnchored({ ...base, ...everyWord }, anchorWord(words).all);
}

async function anyWordCandidates(
  base: Record<string, unknown>,
  words: QueryWord[],
  strategy: CandidateStrategy,
): Promise<Candidate[]> {
  const terms = words.flatMap((word) => word.all);
  if (strategy === "singleScan") return findCandidates({ ...base, terms: anyOf(terms) });
  return findAnchored(base, terms);
}

/**
 * Tags are indexed for every member, but a free tag's name is only for people who may read something carrying it
 * (see hiddenFreeTags): the others' candidates lose it here, at query time, since who carries it changes.
 */
async function withoutHiddenFreeTags(actor: Actor | null, candidates: Candidate[]): Promise<Candidate[]> {
  const tagSlugs = candidates.flatMap((candidate) =>
    candidate.kind === "tag" && candidate.slug ? [candidate.slug] : [],
  );
  if (tagSlugs.length === 0) return candidates;
  const hidden = await hiddenFreeTags(actor, tagSlugs);
  return candidates.filter((candidate) => candidate.kind !== "tag" || !hidden.has(candidate.slug ?? ""));
}

/** Runs a search as `actor` (null: a visitor, who finds public practices and analyses only). */
export async function search(
  actor: Actor | null,
  query: SearchQuery,
  options: { strategy?: CandidateStrategy; now?: Date } = {},
): Promise<SearchResults> {
  const strategy = options.strategy ?? "anchored";
  const now = options.now ?? new Date();
  const words = queryWords(query.q);
  const empty: SearchResults = {
    query: query.q,
    hits: [],
    total: 0,
    totalIsExact: true,
    page: query.page,
    pageSize: SEARCH_PAGE_SIZE,
    countsByKind: {},
  };
  const base = { ...searchScopeFilter(actor), ...(await filterFields(query)) };
  if (words.length === 0) return empty;

  // Every word required; when nothing has them all, anything with some of them (ranked by how many).
  let candidates = await withoutHiddenFreeTags(actor, await everyWordCandidates(base, words, strategy));
  if (candidates.length === 0 && words.length > 1)
    candidates = await withoutHiddenFreeTags(actor, await anyWordCandidates(base, words, strategy));
  const totalIsExact = candidates.length <= SEARCH_CANDIDATE_LIMIT;
  candidates = candidates.slice(0, SEARCH_CANDIDATE_LIMIT);

  const nowMs = now.getTime();
  const ranked = candidates
    .map((candidate) => ({ candidate, ...score(candidate, words, nowMs) }))
    .filter((scored) => scored.matched > 0)
    .sort(
      (a, b) =>
        b.matched - a.matched ||
        b.score - a.score ||
        (b.candidate.date?.getTime() ?? 0) - (a.candidate.date?.getTime() ?? 0),
    );
  const countsByKind: Partial<Record<SearchKind, number>> = {};
  for (const { candidate } of ranked) countsByKind[candidate.kind] = (countsByKind[candidate.kind] ?? 0) + 1;
  const ofKind = query.kind ? ranked.filter(({ candidate }) => candidate.kind === query.kind) : ranked;
  const page = ofKind.slice((query.page - 1) * SEARCH_PAGE_SIZE, query.page * SEARCH_PAGE_SIZE);
  return {
    ...empty,
    hits: await presentHits(page, words),
    total: ofKind.length,
    totalIsExact,
    countsByKind,
  };
}

async function presentHits(page: { candidate: Candidate; score: number }[], words: QueryWord[]): Promise<SearchHit[]> {
  if (page.length === 0) return [];
  const entryIds = page.map(({ candidate }) => candidate._id);
  const authorIds = page.flatMap(({ candidate }) => (candidate.authorId ? [candidate.authorId] : []));
  const groupIds = page.flatMap(({ candidate }) => (candidate.groupId ? [candidate.groupId] : []));
  const tagSlugs = [...new Set(page.flatMap(({ candidate }) => candidate.tags))];
  const [texts, authors, groups, tags] = await Promise.all([
    // One lookup by _id each: FerretDB answers those from its primary key, where an $in would read the collection.
    Promise.all(entryIds.map((id) => SearchEntry.findById(id, { text: 1 }).lean())),
    authorIds.length ? User.find({ _id: anyOf(authorIds) }, { name: 1 }).lean() : [],
    groupIds.length ? Group.find({ _id: anyOf(groupIds) }, { slug: 1, name: 1 }).lean() : [],
    tagSlugs.length ? Tag.find({ slug: anyOf(tagSlugs) }, { slug: 1, name: 1 }).lean() : [],
  ]);
  const textOf = new Map(texts.flatMap((entry) => (entry ? [[entry._id.toString(), entry.text ?? ""] as const] : [])));
  const authorOf = new Map(authors.map((author) => [author._id.toString(), author]));
  const groupOf = new Map(groups.map((group) => [group._id.toString(), group]));
  const tagName = new Map(tags.map((tag) => [tag.slug, tag.name]));
  return page.map(({ candidate, score: hitScore }) => {
    const author = candidate.authorId ? authorOf.get(candidate.authorId.toString()) : undefined;
    const group = candidate.groupId ? groupOf.get(candidate.groupId.toString()) : undefined;
    return {
      kind: candidate.kind,
      id: candidate.refId.toString(),
      title: candidate.title,
      url: urlOf(candidate),
      titleParts:
        candidate.kind === "post" ? [{ text: candidate.title, match: false }] : markAll(candidate.title, words),
      snippet: snippet(textOf.get(candidate._id.toString()) ?? "", words),
      author: author ? { id: author._id.toString(), name: author.name } : null,
      group: group ? { slug: group.slug, name: group.name } : null,
      // A person's "tags" are their expertise, a tag's its own slug: only real taxonomy tags are listed.
      tags:
        candidate.kind === "tag"
          ? []
          : candidate.tags.flatMap((slug) => (tagName.has(slug) ? [{ slug, name: tagName.get(slug)! }] : [])),
      date: candidate.date ? new Date(candidate.date).toISOString() : null,
      score: hitScore,
    };
  });
}
