import mongoose, { type InferSchemaType } from "mongoose";

export const PENDING_WRITE_KINDS = ["thread", "post"] as const;

/**
 * A write of several documents that has started and not finished: written before its first
 * step, removed after its last. The database has no transactions (FerretDB), so one left behind
 * by a crash or an outage is finished or undone by the recovery pass (jobs/writeRecovery.ts).
 * The collection only ever holds the writes in flight: a few documents.
 */
const pendingWriteSchema = new mongoose.Schema({
  kind: { type: String, enum: PENDING_WRITE_KINDS, required: true },
  authorId: { type: mongoose.Schema.Types.ObjectId, ref: "User", required: true },
  /** The post's client-generated id: with authorId it finds the post, if it got stored. */
  clientId: { type: String, required: true },
  /** The thread the post goes into; for "thread", the id the new thread gets. */
  threadId: { type: mongoose.Schema.Types.ObjectId, ref: "Thread", required: true },
  /** The process that started it: only its own abandoned writes are recovered at once. */
  ownerId: { type: String, required: true },
  startedAt: { type: Date, required: true },
});

export type PendingWriteDocument = InferSchemaType<typeof pendingWriteSchema> & { _id: mongoose.Types.ObjectId };
export const PendingWrite = mongoose.model("PendingWrite", pendingWriteSchema, "pendingwrites");
