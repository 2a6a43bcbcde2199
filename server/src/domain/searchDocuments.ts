import mongoose from "mongoose";
import type { SearchKind } from "@forum/shared";
import { SEARCH_TEXT_MAX, type SearchVisibility } from "../models/SearchEntry.js";
import { contentWords, textTerms, type TermOccurrences } from "./polishText.js";

/** A SearchEntry as the indexer writes it (subscribers/searchIndexer.ts; the benchmark builds the same). */
export interface SearchEntryInput {
  _id: mongoose.Types.ObjectId;
  kind: SearchKind;
  refId: mongoose.Types.ObjectId;
  threadId: mongoose.Types.ObjectId | null;
  title: string;
  text: string;
  terms: string[];
  visibility: SearchVisibility;
  groupIds: mongoose.Types.ObjectId[];
  groupId: mongoose.Types.ObjectId | null;
  tags: string[];
  authorId: mongoose.Types.ObjectId | null;
  slug: string | null;
  date: Date | null;
}

/** A SearchPosting as written: only the fields that say something (no empty arrays, no nulls). */
export interface SearchPostingInput {
  term: string;
  weight: number;
  forms?: string[];
  entryId: mongoose.Types.ObjectId;
  kind: SearchKind;
  inTitle?: true;
  titleWords?: number;
  visibility: SearchVisibility;
  groupIds?: mongoose.Types.ObjectId[];
  groupId?: mongoose.Types.ObjectId;
  authorId?: mongoose.Types.ObjectId;
  tags?: string[];
  date?: Date;
}

/** An entry with the postings that find it. */
export interface IndexedEntry {
  entry: SearchEntryInput;
  postings: SearchPostingInput[];
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " ", "#39": "'" };

/** Sanitized HTML (what posts and documents store rendered) as plain text for the index and snippets. */
export function htmlToText(html: string): string {
  return html
    .replace(/<(br|\/p|\/li|\/h\d|\/blockquote|\/tr)\b[^>]*>/gi, "\n")
    .replace(/<[^>]*>/g, " ")
    .replace(
      /&(#?\w+);/g,
      (entity, name: string) => ENTITIES[name] ?? (name.startsWith("#") ? decodeNumeric(name) : entity),
    )
    .replace(/[ \t]+/g, " ")
    .replace(/\s*\n\s*/g, "\n")
    .trim();
}

function decodeNumeric(name: string): string {
  const code = name.startsWith("#x") ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
  return Number.isFinite(code) ? String.fromCodePoint(code) : "";
}

/**
 * Term weights: BM25 with two fields (BM25F). A title word counts TITLE_BOOST times; term frequency saturates (K1);
 * long entries weigh each term less (B), against a fixed typical length so that a weight, once written, does not
 * depend on the rest of the index. The engine multiplies a weight by its word's rarity (idf) at query time.
 */
const TITLE_BOOST = 3;
const K1 = 1.2;
const B = 0.75;
const TYPICAL_LENGTH = 60;

const termWeight = (frequency: number, length: number): number =>
  Math.round(((frequency * (K1 + 1)) / (frequency + K1 * (1 - B + (B * length) / TYPICAL_LENGTH))) * 10_000) / 10_000;

/** Builds an entry and its postings: the terms are computed here, so every writer indexes the same way. */
export function indexedEntry(
  fields: Omit<SearchEntryInput, "_id" | "terms"> & { titleIndexed?: boolean },
): IndexedEntry {
  const { titleIndexed = true, ...rest } = fields;
  const text = rest.text.length > SEARCH_TEXT_MAX ? rest.text.slice(0, SEARCH_TEXT_MAX) : rest.text;
  // A reply shows its thread's title as a label only: it is found by its own words.
  const title = titleIndexed ? textTerms(rest.title) : { length: 0, terms: new Map<string, TermOccurrences>() };
  const body = textTerms(text);
  const entry: SearchEntryInput = { ...rest, _id: new mongoose.Types.ObjectId(), text, terms: [] };
  const length = TITLE_BOOST * title.length + body.length;
  const shared = {
    entryId: entry._id,
    kind: entry.kind,
    visibility: entry.visibility,
    ...(entry.groupIds.length ? { groupIds: entry.groupIds } : {}),
    ...(entry.groupId ? { groupId: entry.groupId } : {}),
    ...(entry.authorId ? { authorId: entry.authorId } : {}),
    ...(entry.tags.length ? { tags: entry.tags } : {}),
    ...(entry.date ? { date: entry.date } : {}),
    ...(entry.kind === "person" || entry.kind === "tag"
      ? { titleWords: new Set(contentWords(rest.title).map((token) => token.word)).size }
      : {}),
  };
  const postings: SearchPostingInput[] = [];
  for (const term of new Set([...title.terms.keys(), ...body.terms.keys()])) {
    const inTitle = title.terms.get(term);
    const inBody = body.terms.get(term);
    const frequency = TITLE_BOOST * (inTitle?.count ?? 0) + (inBody?.count ?? 0);
    postings.push({
      ...shared,
      term,
      weight: termWeight(frequency, length),
      forms: [...new Set([...(inTitle?.forms ?? []), ...(inBody?.forms ?? [])])],
      ...(inTitle ? { inTitle: true as const } : {}),
    });
  }
  entry.terms = postings.map((posting) => posting.term);
  return { entry, postings };
}

/** Thread content: a network space (no group) is read by every signed-in person, a group's by its members. */
export function forumScope(groupId: mongoose.Types.ObjectId | null): {
  visibility: SearchVisibility;
  groupIds: mongoose.Types.ObjectId[];
  groupId: mongoose.Types.ObjectId | null;
} {
  return groupId
    ? { visibility: "groups", groupIds: [groupId], groupId }
    : { visibility: "members", groupIds: [], groupId: null };
}
