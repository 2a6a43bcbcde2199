import mongoose, { type InferSchemaType } from "mongoose";
import { COHORT_STATUSES } from "@forum/shared";

/**
 * An edition of the programme (nabór, e.g. "Etap II, 2026–2028"): its groups hold the same number
 * of two-day sessions, and its figures are what the funder is told.
 */
const cohortSchema = new mongoose.Schema(
  {
    name: { type: String, required: true, unique: true },
    description: { type: String, default: "" },
    /** Polish calendar days (YYYY-MM-DD): a programme runs from a day to a day, not from an instant. */
    startsOn: { type: String, required: true },
    endsOn: { type: String, required: true },
    /** Two-day sessions each group of the cohort holds; meeting numbers run 1…sessionCount. */
    sessionCount: { type: Number, required: true, min: 1, max: 30, default: 9 },
    status: { type: String, required: true, enum: COHORT_STATUSES, default: "planned" },
  },
  { timestamps: true },
);
cohortSchema.index({ startsOn: -1 });

export type CohortDocument = InferSchemaType<typeof cohortSchema> & {
  _id: mongoose.Types.ObjectId;
  createdAt: Date;
  updatedAt: Date;
};
export const Cohort = mongoose.model("Cohort", cohortSchema, "cohorts");
