import mongoose, { type InferSchemaType } from "mongoose";
import { PRACTICE_REVIEW_VERDICTS } from "@forum/shared";

/** An expert's written opinion of a practice (the incubator of educational innovations), kept with the version read. */
const practiceReviewSchema = new mongoose.Schema(
  {
    practiceId: { type: mongoose.Schema.Types.ObjectId, ref: "Practice", required: true },
    reviewerId: { type: mongoose.Schema.Types.ObjectId, ref: "User", required: true },
    verdict: { type: String, required: true, enum: PRACTICE_REVIEW_VERDICTS },
    opinion: {
      markdown: { type: String, required: true },
      html: { type: String, required: true },
    },
    version: { type: Number, required: true },
  },
  { timestamps: { createdAt: true, updatedAt: false } },
);
practiceReviewSchema.index({ practiceId: 1, createdAt: 1 });

export type PracticeReviewDocument = InferSchemaType<typeof practiceReviewSchema> & { _id: mongoose.Types.ObjectId };
export const PracticeReview = mongoose.model("PracticeReview", practiceReviewSchema, "practiceReviews");
