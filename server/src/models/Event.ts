import mongoose, { type InferSchemaType } from "mongoose";

/**
 * The record of every change to forum state. Commands write it; the audit log,
 * live updates and notifications follow from it. Never updated or deleted.
 */
const eventSchema = new mongoose.Schema(
  {
    name: { type: String, required: true },
    actorId: { type: mongoose.Schema.Types.ObjectId, ref: "User", default: null },
    subjectType: { type: String, required: true },
    subjectId: { type: mongoose.Schema.Types.ObjectId, required: true },
    groupId: { type: mongoose.Schema.Types.ObjectId, ref: "Group", default: null },
    threadId: { type: mongoose.Schema.Types.ObjectId, ref: "Thread", default: null },
    data: { type: mongoose.Schema.Types.Mixed, default: {} },
    ip: { type: String, default: null },
  },
  { timestamps: { createdAt: true, updatedAt: false } },
);
eventSchema.index({ createdAt: -1 });
eventSchema.index({ name: 1, createdAt: -1 });
/** A person's moderation history: events about them, and events about their posts (`data.targetUserId`). */
eventSchema.index({ subjectId: 1, createdAt: -1 });
eventSchema.index({ "data.targetUserId": 1, createdAt: -1 });

export type EventDocument = InferSchemaType<typeof eventSchema> & { _id: mongoose.Types.ObjectId };
export const Event = mongoose.model("Event", eventSchema, "events");
