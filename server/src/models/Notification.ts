import mongoose, { type InferSchemaType } from "mongoose";
import { NOTIFICATION_KINDS } from "@forum/shared";

/** One in-app notification for one person; made by services/notifier.ts from recorded events. */
const notificationSchema = new mongoose.Schema(
  {
    recipientId: { type: mongoose.Schema.Types.ObjectId, ref: "User", required: true },
    kind: { type: String, required: true, enum: NOTIFICATION_KINDS },
    /** Who caused it; for collapsed reactions the latest one. */
    actorId: { type: mongoose.Schema.Types.ObjectId, ref: "User", default: null },
    threadId: { type: mongoose.Schema.Types.ObjectId, ref: "Thread", required: true },
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
