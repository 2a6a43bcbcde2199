import mongoose, { type InferSchemaType } from "mongoose";
import { NOTIFICATION_DOCUMENT_KINDS, NOTIFICATION_KINDS } from "@forum/shared";

/** One in-app notification for one person; made by subscribers/notifier.ts (notifications/delivery.ts) from recorded events. */
const notificationSchema = new mongoose.Schema(
  {
    recipientId: { type: mongoose.Schema.Types.ObjectId, ref: "User", required: true },
    kind: { type: String, required: true, enum: NOTIFICATION_KINDS },
    /** Who caused it; for collapsed reactions the latest one. */
    actorId: { type: mongoose.Schema.Types.ObjectId, ref: "User", default: null },
    /** What it is about: a thread (and post), or a document (a good practice, a thematic analysis). */
    threadId: { type: mongoose.Schema.Types.ObjectId, ref: "Thread", default: null },
    documentKind: { type: String, enum: [...NOTIFICATION_DOCUMENT_KINDS, null], default: null },
    documentId: { type: mongoose.Schema.Types.ObjectId, default: null },
    postId: { type: mongoose.Schema.Types.ObjectId, ref: "Post", default: null },
    /** Repeated reactions to one post collapse into one unread notification counting them. */
    count: { type: Number, default: 1 },
    reaction: { type: String, default: null },
    /** Moderation notices carry their text: a hide reason, a flag's outcome, a moderator's message. */
    message: { type: String, default: null },
    read: { type: Boolean, default: false },
  },
  { timestamps: true },
);
// The list (newest first, cursor on _id) and the unread count.
notificationSchema.index({ recipientId: 1, _id: -1 });
notificationSchema.index({ recipientId: 1, read: 1 });
notificationSchema.index({ recipientId: 1, createdAt: 1 });

export type NotificationDocument = InferSchemaType<typeof notificationSchema> & { _id: mongoose.Types.ObjectId };
export const Notification = mongoose.model("Notification", notificationSchema, "notifications");
