import mongoose, { type InferSchemaType } from "mongoose";
import { displayTextFields } from "./displayText.js";
import { ANALYSIS_STATUSES } from "@forum/shared";

/** A section of an analysis; members comment on each section (AnalysisComment.sectionId). */
const analysisSectionSchema = new mongoose.Schema({
  heading: { type: String, required: true, trim: true },
  markdown: { type: String, default: "" },
  html: { type: String, default: "" },
});

/**
 * A thematic analysis: a longer document in sections that moderators and experts publish for the network.
 * Sections are bounded (a document has a few dozen at most), so they live inside it.
 */
const analysisSchema = new mongoose.Schema(
  {
    title: { type: String, required: true, trim: true },
    /** Plain text, shown in lists and search results. */
    summary: { type: String, default: "" },
    sections: { type: [analysisSectionSchema], default: [] },
    tags: { type: [String], default: [] },
    authorId: { type: mongoose.Schema.Types.ObjectId, ref: "User", required: true },
    status: { type: String, required: true, enum: ANALYSIS_STATUSES, default: "draft" },
    /** Moderator's choice: visible to visitors without signing in, once published. */
    isPublic: { type: Boolean, default: false },
    publishedAt: { type: Date, default: null },
  },
  { timestamps: true },
);
analysisSchema.index({ status: 1, publishedAt: -1 });
analysisSchema.index({ tags: 1, publishedAt: -1 });

displayTextFields(analysisSchema, ["title"]);
export type AnalysisDocument = InferSchemaType<typeof analysisSchema> & { _id: mongoose.Types.ObjectId };
export const Analysis = mongoose.model("Analysis", analysisSchema, "analyses");
