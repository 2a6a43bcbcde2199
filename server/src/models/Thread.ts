import mongoose, { type InferSchemaType } from "mongoose";

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
    /** Set when a moderator merged this thread into another: it is then an empty stub that redirects there. */
    mergedIntoId: { type: mongoose.Schema.Types.ObjectId, ref: "Thread", default: null },
  },
  { timestamps: true },
);
threadSchema.index({ categoryId: 1, lastPostAt: -1 });
threadSchema.index({ tags: 1, lastPostAt: -1 });
threadSchema.index({ lastPostAt: -1 });

export type ThreadDocument = InferSchemaType<typeof threadSchema> & { _id: mongoose.Types.ObjectId };
export const Thread = mongoose.model("Thread", threadSchema, "threads");
