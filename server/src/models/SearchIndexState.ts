import mongoose from "mongoose";

/** The one document that says which format the search index was built in; a new format means a rebuild at start. */
const searchIndexStateSchema = new mongoose.Schema(
  {
    _id: { type: String, required: true },
    formatVersion: { type: Number, required: true },
    builtAt: { type: Date, required: true },
  },
  { versionKey: false },
);

export const SEARCH_INDEX_STATE_ID = "search";
export const SearchIndexState = mongoose.model("SearchIndexState", searchIndexStateSchema, "searchIndexState");
