import mongoose, { type InferSchemaType } from "mongoose";
import { ONBOARDING_IMPORT_STATUSES } from "@forum/shared";

/**
 * One uploaded participant list. Its rows are documents of their own (OnboardingRow), so a list of
 * thousands never makes one large document; the counts here are what the page shows at a glance.
 */
const onboardingImportSchema = new mongoose.Schema(
  {
    fileName: { type: String, required: true },
    createdById: { type: mongoose.Schema.Types.ObjectId, ref: "User", required: true },
    /** Groups named in the list are looked up in this cohort first (names repeat across cohorts). */
    cohortId: { type: mongoose.Schema.Types.ObjectId, ref: "Cohort", default: null },
    status: { type: String, required: true, enum: ONBOARDING_IMPORT_STATUSES, default: "preview" },
    rowCount: { type: Number, required: true, default: 0 },
    /** When sending was last asked for; a send that stopped (crash, restart) is picked up again. */
    sendRequestedAt: { type: Date, default: null },
    sentAt: { type: Date, default: null },
  },
  { timestamps: true },
);
onboardingImportSchema.index({ createdAt: -1 });
onboardingImportSchema.index({ status: 1, sendRequestedAt: 1 });

export type OnboardingImportDocument = InferSchemaType<typeof onboardingImportSchema> & {
  _id: mongoose.Types.ObjectId;
  createdAt: Date;
  updatedAt: Date;
};
export const OnboardingImport = mongoose.model("OnboardingImport", onboardingImportSchema, "onboardingimports");
