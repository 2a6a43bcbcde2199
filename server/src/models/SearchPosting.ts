import mongoose, { type InferSchemaType } from "mongoose";
import { SEARCH_KINDS } from "@forum/shared";
import { SEARCH_VISIBILITIES } from "./SearchEntry.js";

/**
 * One key term of one search entry (an inverted index kept as documents): `{ term: "l:oswiata", weight: 1.7,
 * entryId }`. A query reads, for each of its words, the postings of the word's terms best first — the index
 * `{ term, weight }` hands them over in that order, so the work per query is bounded by its limit, not by the size
 * of the index — and loads entries only for the page it shows.
 *
 * A posting repeats the entry's permission and filter fields, so that what the person may not find is never read as
 * a candidate and a filtered search gets its own best postings (see queries/searchEngine.ts).
 */
const searchPostingSchema = new mongoose.Schema(
  {
    term: { type: String, required: true },
    /** How much the term weighs in its entry (BM25: term frequency, title above text, entry length). */
    weight: { type: Number, required: true },
    /** The folded forms of the entry's words that gave the term: a query word written the same way is an exact hit. */
    forms: { type: [String], default: undefined },
    entryId: { type: mongoose.Schema.Types.ObjectId, required: true },
    kind: { type: String, required: true, enum: SEARCH_KINDS },
    /** Whether the term is in the entry's title. */
    inTitle: { type: Boolean, default: undefined },
    /** For people and tags: how many words their name has (a query that names them all asks for the card). */
    titleWords: { type: Number, default: undefined },
    visibility: { type: String, required: true, enum: SEARCH_VISIBILITIES },
    groupIds: { type: [mongoose.Schema.Types.ObjectId], default: undefined },
    groupId: { type: mongoose.Schema.Types.ObjectId, default: undefined },
    authorId: { type: mongoose.Schema.Types.ObjectId, default: undefined },
    tags: { type: [String], default: undefined },
    date: { type: Date, default: undefined },
  },
  { versionKey: false },
);
searchPostingSchema.index({ term: 1, weight: -1 });
searchPostingSchema.index({ entryId: 1, term: 1 });

export type SearchPostingDocument = InferSchemaType<typeof searchPostingSchema> & { _id: mongoose.Types.ObjectId };
export const SearchPosting = mongoose.model("SearchPosting", searchPostingSchema, "searchPostings");
