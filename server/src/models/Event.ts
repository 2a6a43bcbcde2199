import mongoose, { type InferSchemaType } from "mongoose";
import { ROLES } from "@forum/shared";

/**
 * The record of every change to forum state. Commands write it; the audit log,
 * live updates and notifications follow from it. Never updated or deleted.
 */
const eventSchema = new mongoose.Schema(
  {
    name: { type: String, required: true },
    actorId: { type: mongoose.Schema.Types.ObjectId, ref: "User", default: null },
    /** The actor's role when they acted, so the audit log keeps a former moderator's actions. */
    actorRole: { type: String, enum: [...ROLES, null], default: null },
    subjectType: { type: String, required: true },
    subjectId: { type: mongoose.Schema.Types.ObjectId, required: true },
    groupId: { type: mongoose.Schema.Types.ObjectId, ref: "Group", default: null },
    threadId: { type: mongoose.Schema.Types.ObjectId, ref: "Thread", default: null },
    /** Stored as given; its shape for each name is the union in shared/src/events.ts (recordEvent checks it). */
    data: { type: mongoose.Schema.Types.Mixed, default: {} },
    ip: { type: String, default: null },
    /** The request (X-Request-Id) that caused it, to find its lines in the request log. */
    requestId: { type: String, default: null },
  },
  { timestamps: { createdAt: true, updatedAt: false } },
);
eventSchema.index({ createdAt: -1 });
eventSchema.index({ name: 1, createdAt: -1 });
eventSchema.index({ actorId: 1, createdAt: -1 });

/** Every mongoose way of changing or removing stored events: the audit log must stay as it was written. */
export const EVENT_WRITE_OPERATIONS = [
  "updateOne",
  "updateMany",
  "findOneAndUpdate",
  "findOneAndReplace",
  "findOneAndDelete",
  "replaceOne",
  "deleteOne",
  "deleteMany",
] as const;

const refuseChange = () => {
  throw new Error("Zdarzeń (dziennika zdarzeń) nie można zmieniać ani usuwać.");
};
eventSchema.pre([...EVENT_WRITE_OPERATIONS], { document: false, query: true }, refuseChange);
eventSchema.pre(["updateOne", "deleteOne"], { document: true, query: false }, refuseChange);
eventSchema.pre("save", function refuseResave() {
  if (!this.isNew) refuseChange();
});
/** A person's moderation history: events about them, and events about their posts (`data.targetUserId`). */
eventSchema.index({ subjectId: 1, createdAt: -1 });
eventSchema.index({ "data.targetUserId": 1, createdAt: -1 });

/**
 * An event as read back from the collection, whatever it stored (old events too). What commands record and
 * subscribers receive is the typed union in events/forumEvent.ts.
 */
export type EventDocument = InferSchemaType<typeof eventSchema> & { _id: mongoose.Types.ObjectId };
export const Event = mongoose.model("Event", eventSchema, "events");
