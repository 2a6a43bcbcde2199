import mongoose, { type InferSchemaType } from "mongoose";
import { FLAG_REASONS, FLAG_STATUSES } from "@forum/shared";

/** One person's report of one post; a moderator resolves all pending flags of a post at once. */
const flagSchema = new mongoose.Schema(
  {
    postId: { type: mongoose.Schema.Types.ObjectId, ref: "Post", required: true },
    threadId: { type: mongoose.Schema.Types.ObjectId, ref: "Thread", required: true },
    /** The thread's group; null for network-wide threads. */
    groupId: { type: mongoose.Schema.Types.ObjectId, ref: "Group", default: null },
    /** Whose post it is: their moderation history counts agreed flags. */
    postAuthorId: { type: mongoose.Schema.Types.ObjectId, ref: "User", required: true },
    flaggerId: { type: mongoose.Schema.Types.ObjectId, ref: "User", required: true },
    reason: { type: String, required: true, enum: FLAG_REASONS },
    text: { type: String, default: "" },
    status: { type: String, required: true, enum: FLAG_STATUSES, default: "pending" },
    resolvedById: { type: mongoose.Schema.Types.ObjectId, ref: "User", default: null },
    resolvedAt: { type: Date, default: null },
    resolutionNote: { type: String, default: "" },
  },
  { timestamps: true },
);
// The queue (pending flags, oldest first) and one post's flags.
flagSchema.index({ status: 1, createdAt: 1 });
flagSchema.index({ postId: 1, status: 1 });
flagSchema.index({ postAuthorId: 1, status: 1 });

export type FlagDocument = InferSchemaType<typeof flagSchema> & { _id: mongoose.Types.ObjectId };
export const Flag = mongoose.model("Flag", flagSchema, "flags");
