import mongoose from "mongoose";

/**
 * How many search entries carry each key term (`_id` is the term), kept by the indexer with `$inc` as entries come
 * and go, and the number of entries itself under SEARCH_ENTRY_COUNT_ID. The engine weighs query words by rarity
 * with them when a word is too common to count its postings within the query's limit.
 */
const searchTermStatSchema = new mongoose.Schema(
  {
    _id: { type: String, required: true },
    entries: { type: Number, required: true },
  },
  { versionKey: false },
);

/** Not a term (terms have a ":" after one letter). */
export const SEARCH_ENTRY_COUNT_ID = "#entries";
export const SearchTermStat = mongoose.model("SearchTermStat", searchTermStatSchema, "searchTermStats");
