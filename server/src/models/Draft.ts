import mongoose, { type InferSchemaType } from "mongoose";

export const DRAFT_SCOPES = ["thread", "category"] as const;
export type DraftScope = (typeof DRAFT_SCOPES)[number];

/**
 * What a person is writing, kept so it follows them to another device: a reply in a thread
 * (scope "thread") or a new thread in a category (scope "category"). Private scratch data.
 */
const draftSchema = new mongoose.Schema(
  {
    userId: { type: mongoose.Schema.Types.ObjectId, ref: "User", required: true },
    scope: { type: String, enum: DRAFT_SCOPES, required: true },
    /** The thread or the category, by scope. */
    targetId: { type: mongoose.Schema.Types.ObjectId, required: true },
    title: { type: String, default: "" },
    body: { type: String, default: "" },
    clientId: { type: String, required: true },
  },
  { timestamps: true },
);
draftSchema.index({ userId: 1, scope: 1, targetId: 1 }, { unique: true });

export type DraftDocument = InferSchemaType<typeof draftSchema> & { _id: mongoose.Types.ObjectId };
export const Draft = mongoose.model("Draft", draftSchema, "drafts");
