import type mongoose from "mongoose";
import type { SearchKind } from "@forum/shared";
import { SEARCH_TEXT_MAX, type SearchVisibility } from "../models/SearchEntry.js";
import { indexTerms } from "./polishText.js";

/** A SearchEntry as the indexer writes it (subscribers/searchIndexer.ts; the benchmark builds the same). */
export interface SearchEntryInput {
  kind: SearchKind;
  refId: mongoose.Types.ObjectId;
  threadId: mongoose.Types.ObjectId | null;
  title: string;
  text: string;
  terms: string[];
  titleTerms: string[];
  visibility: SearchVisibility;
  groupIds: mongoose.Types.ObjectId[];
  groupId: mongoose.Types.ObjectId | null;
  tags: string[];
  authorId: mongoose.Types.ObjectId | null;
  slug: string | null;
  date: Date | null;
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

/** Builds an entry: the title's and text's terms are computed here, so every writer indexes the same way. */
export function searchEntry(
  fields: Omit<SearchEntryInput, "terms" | "titleTerms"> & { titleIndexed?: boolean },
): SearchEntryInput {
  const { titleIndexed = true, ...entry } = fields;
  const text = entry.text.length > SEARCH_TEXT_MAX ? entry.text.slice(0, SEARCH_TEXT_MAX) : entry.text;
  // A reply shows its thread's title as a label only: it is found by its own words.
  const titleTerms = titleIndexed ? indexTerms(entry.title) : [];
  const terms = [...new Set([...titleTerms, ...indexTerms(text)])];
  return { ...entry, text, terms, titleTerms };
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
