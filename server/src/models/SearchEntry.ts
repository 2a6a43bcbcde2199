import mongoose, { type InferSchemaType } from "mongoose";
import { displayTextFields } from "./displayText.js";
import { SEARCH_KINDS } from "@forum/shared";

/** Who may find an entry: everyone, every signed-in person, or the members of `groupIds` (and staff/experts). */
export const SEARCH_VISIBILITIES = ["public", "members", "groups"] as const;
export type SearchVisibility = (typeof SEARCH_VISIBILITIES)[number];

/**
 * One searchable thing (a thread with its first post, a reply, a published practice or analysis, a person, a tag),
 * written by subscribers/searchIndexer.ts from the forum's events. It holds what a hit shows (title, text for the
 * snippet, labels); what finds it are its postings (SearchPosting, one per key term), so a query never reads entries
 * until it knows which page of them it shows.
 */
const searchEntrySchema = new mongoose.Schema(
  {
    kind: { type: String, required: true, enum: SEARCH_KINDS },
    refId: { type: mongoose.Schema.Types.ObjectId, required: true },
    /** For threads and posts: rebuilding a thread replaces all its entries at once. */
    threadId: { type: mongoose.Schema.Types.ObjectId, default: null },
    title: { type: String, required: true },
    /** Plain text (no markup), capped at SEARCH_TEXT_MAX: the snippet is cut from it. */
    text: { type: String, default: "" },
    /** Its distinct key terms (domain/polishText.ts): what the term counters lose when the entry goes. Not indexed. */
    terms: { type: [String], default: [] },
    visibility: { type: String, required: true, enum: SEARCH_VISIBILITIES },
    /** With visibility "groups": whose members find it. */
    groupIds: { type: [mongoose.Schema.Types.ObjectId], default: [] },
    /** The group it belongs to, for the group filter and the hit's label; null for network-wide things. */
    groupId: { type: mongoose.Schema.Types.ObjectId, default: null },
    tags: { type: [String], default: [] },
    authorId: { type: mongoose.Schema.Types.ObjectId, default: null },
    /** A person's username or a tag's slug: what their page's URL is made of. */
    slug: { type: String, default: null },
    date: { type: Date, default: null },
  },
  { versionKey: false },
);
searchEntrySchema.index({ kind: 1, refId: 1 }, { unique: true });
searchEntrySchema.index({ threadId: 1 });

export const SEARCH_TEXT_MAX = 4000;

displayTextFields(searchEntrySchema, ["title"]);
export type SearchEntryDocument = InferSchemaType<typeof searchEntrySchema> & { _id: mongoose.Types.ObjectId };
export const SearchEntry = mongoose.model("SearchEntry", searchEntrySchema, "searchEntries");
