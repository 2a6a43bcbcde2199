import mongoose, { type InferSchemaType } from "mongoose";
import { displayTextFields } from "./displayText.js";

/**
 * A new member's post (or new thread) waiting for a moderator. Kept apart from Post on purpose:
 * every query that counts, lists, notifies or pushes posts stays untouched and can never leak a
 * waiting post. Approval runs the ordinary post/thread creation, so numbers, counts,
 * notifications and live pushes happen exactly as for any other post, at that moment.
 */
const pendingPostSchema = new mongoose.Schema(
  {
    kind: { type: String, required: true, enum: ["reply", "thread"] },
    authorId: { type: mongoose.Schema.Types.ObjectId, ref: "User", required: true },
    /** The thread a reply goes into; for a new thread, the one made at approval. */
    threadId: { type: mongoose.Schema.Types.ObjectId, ref: "Thread", default: null },
    /** The category a new thread goes into (for a reply, its thread's). */
    categoryId: { type: mongoose.Schema.Types.ObjectId, ref: "Category", required: true },
    groupId: { type: mongoose.Schema.Types.ObjectId, ref: "Group", default: null },
    title: { type: String, default: null },
    tags: { type: [String], default: [] },
    body: { type: String, required: true },
    /** Rendered for the author's and moderators' preview; rendered again when published. */
    html: { type: String, required: true },
    /** The client's id of the post: a retried send is stored once, and it becomes the post's clientId. */
    clientId: { type: String, required: true },
    /** Where the author sent it from: the published post's event carries it. */
    ip: { type: String, default: null },
    status: { type: String, required: true, enum: ["pending", "approved", "rejected"], default: "pending" },
    decidedById: { type: mongoose.Schema.Types.ObjectId, ref: "User", default: null },
    decidedAt: { type: Date, default: null },
    rejectionMessage: { type: String, default: null },
    /** The published post, once approved. */
    postId: { type: mongoose.Schema.Types.ObjectId, ref: "Post", default: null },
  },
  { timestamps: true },
);
pendingPostSchema.index({ status: 1, createdAt: 1 });
pendingPostSchema.index({ authorId: 1, clientId: 1 }, { unique: true });
pendingPostSchema.index({ threadId: 1, status: 1 });

displayTextFields(pendingPostSchema, ["title"]);
export type PendingPostDocument = InferSchemaType<typeof pendingPostSchema> & { _id: mongoose.Types.ObjectId };
export const PendingPost = mongoose.model("PendingPost", pendingPostSchema, "pendingposts");
