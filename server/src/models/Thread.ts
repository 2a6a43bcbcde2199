import mongoose, { type InferSchemaType } from "mongoose";
import { displayTextFields } from "./displayText.js";

/** Listed first (its category; for "global" also everyone's home page) until `until`, if set. */
const pinSchema = new mongoose.Schema(
  {
    scope: { type: String, enum: ["category", "global"], required: true },
    until: { type: Date, default: null },
    byId: { type: mongoose.Schema.Types.ObjectId, ref: "User", required: true },
    at: { type: Date, required: true },
  },
  { _id: false },
);

/** No replies but from moderators, with the reason shown in the thread. */
const lockSchema = new mongoose.Schema(
  {
    reason: { type: String, required: true },
    byId: { type: mongoose.Schema.Types.ObjectId, ref: "User", required: true },
    at: { type: Date, required: true },
  },
  { _id: false },
);

const threadSchema = new mongoose.Schema(
  {
    categoryId: { type: mongoose.Schema.Types.ObjectId, ref: "Category", required: true },
    /** Copied from the category so that access checks need no extra query; null for network-wide. */
    groupId: { type: mongoose.Schema.Types.ObjectId, ref: "Group", default: null, index: true },
    title: { type: String, required: true },
    authorId: { type: mongoose.Schema.Types.ObjectId, ref: "User", required: true },
    /** Tag slugs from the taxonomy (models/Tag.ts). */
    tags: { type: [String], default: [] },
    /** Sequence for post numbers; only ever incremented, so numbers are never reused. */
    lastPostNumber: { type: Number, default: 0 },
    postCount: { type: Number, default: 0 },
    lastPostAt: { type: Date, default: () => new Date() },
    pin: { type: pinSchema, default: null },
    lock: { type: lockSchema, default: null },
    /** From this moment the thread behaves as locked (checked when read: no job needed). */
    closesAt: { type: Date, default: null },
    /** Shown once closed; null = "Wątek zamknięty <data>". */
    closeReason: { type: String, default: null },
    /** Minimum seconds between one person's posts in the thread; 0 = off. */
    slowModeSeconds: { type: Number, default: 0 },
    /** Set when a moderator merged this thread into another: it is then an empty stub that redirects there. */
    mergedIntoId: { type: mongoose.Schema.Types.ObjectId, ref: "Thread", default: null },
  },
  { timestamps: true },
);
threadSchema.index({ categoryId: 1, lastPostAt: -1 });
threadSchema.index({ tags: 1, lastPostAt: -1 });
threadSchema.index({ lastPostAt: -1 });
threadSchema.index({ "pin.scope": 1 });

displayTextFields(threadSchema, ["title"]);
export type ThreadDocument = InferSchemaType<typeof threadSchema> & { _id: mongoose.Types.ObjectId };
export const Thread = mongoose.model("Thread", threadSchema, "threads");
