import mongoose, { type InferSchemaType } from "mongoose";
import { ONBOARDING_ACTIONS, ONBOARDING_PROBLEMS, ONBOARDING_SEND_STATES } from "@forum/shared";

const cellsSchema = new mongoose.Schema(
  {
    firstName: { type: String, default: "" },
    lastName: { type: String, default: "" },
    fullName: { type: String, default: "" },
    email: { type: String, default: "" },
    teryt: { type: String, default: "" },
    jstName: { type: String, default: "" },
    position: { type: String, default: "" },
    group: { type: String, default: "" },
  },
  { _id: false },
);

/**
 * One person of an uploaded list: what the sheet said (`cells`, as corrected in the preview),
 * what the forum made of it, and how far sending got. Sending claims a row by moving it from
 * `waiting` to `sending`, so two processes never send the same row.
 */
const onboardingRowSchema = new mongoose.Schema(
  {
    importId: { type: mongoose.Schema.Types.ObjectId, ref: "OnboardingImport", required: true },
    /** Position in the list (0-based): the preview's order and its paging cursor. */
    index: { type: Number, required: true },
    line: { type: Number, required: true },
    cells: { type: cellsSchema, required: true },
    name: { type: String, default: "" },
    email: { type: String, default: "" },
    jstId: { type: mongoose.Schema.Types.ObjectId, ref: "Jst", default: null },
    /** Units offered when the JST was ambiguous or unknown. */
    suggestedTeryts: { type: [String], default: [] },
    groupId: { type: mongoose.Schema.Types.ObjectId, ref: "Group", default: null },
    problems: { type: [String], enum: ONBOARDING_PROBLEMS, default: [] },
    action: { type: String, enum: [...ONBOARDING_ACTIONS, null], default: null },
    skipped: { type: Boolean, default: false },
    /** Has problems and is not skipped: what "only rows to fix" lists (kept in step with problems/skipped). */
    attention: { type: Boolean, default: false },
    sendState: { type: String, required: true, enum: ONBOARDING_SEND_STATES, default: "waiting" },
    claimedAt: { type: Date, default: null },
    sendError: { type: String, default: null },
    invitationId: { type: mongoose.Schema.Types.ObjectId, ref: "Invitation", default: null },
  },
  { timestamps: true },
);
onboardingRowSchema.index({ importId: 1, index: 1 }, { unique: true });
onboardingRowSchema.index({ importId: 1, sendState: 1, index: 1 });
onboardingRowSchema.index({ importId: 1, attention: 1, index: 1 });
onboardingRowSchema.index({ importId: 1, email: 1 });

export type OnboardingRowDocument = InferSchemaType<typeof onboardingRowSchema> & {
  _id: mongoose.Types.ObjectId;
  createdAt: Date;
  updatedAt: Date;
};
export const OnboardingRow = mongoose.model("OnboardingRow", onboardingRowSchema, "onboardingrows");
