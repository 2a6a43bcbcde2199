import mongoose, { type InferSchemaType } from "mongoose";

/** A member's comment on one section of a published thematic analysis (one document per comment). */
const analysisCommentSchema = new mongoose.Schema(
  {
    analysisId: { type: mongoose.Schema.Types.ObjectId, ref: "Analysis", required: true },
    /** The `_id` of the section inside the analysis; sections keep their ids across edits. */
    sectionId: { type: mongoose.Schema.Types.ObjectId, required: true },
    authorId: { type: mongoose.Schema.Types.ObjectId, ref: "User", required: true },
    markdown: { type: String, required: true },
    /** Rendered and sanitized at write time, like posts. */
    html: { type: String, required: true },
    /** Hidden by a moderator: gone for everyone but moderators. */
    hidden: { type: Boolean, default: false },
    hiddenById: { type: mongoose.Schema.Types.ObjectId, ref: "User", default: null },
  },
  { timestamps: true },
);
analysisCommentSchema.index({ analysisId: 1, sectionId: 1, createdAt: 1 });

export type AnalysisCommentDocument = InferSchemaType<typeof analysisCommentSchema> & {
  _id: mongoose.Types.ObjectId;
};
export const AnalysisComment = mongoose.model("AnalysisComment", analysisCommentSchema, "analysisComments");
