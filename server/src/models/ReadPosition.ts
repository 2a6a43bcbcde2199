import mongoose, { type InferSchemaType } from "mongoose";

/**
 * How far one person has read one thread: the highest post number they have seen. Unread counts
 * are `thread.lastPostNumber − lastReadNumber`, so no post is ever scanned to count them.
 */
const readPositionSchema = new mongoose.Schema(
  {
    userId: { type: mongoose.Schema.Types.ObjectId, ref: "User", required: true },
    threadId: { type: mongoose.Schema.Types.ObjectId, ref: "Thread", required: true },
    /** Copied from the thread (null: network-wide) so a group's positions are found in one query. */
    groupId: { type: mongoose.Schema.Types.ObjectId, ref: "Group", default: null },
    categoryId: { type: mongoose.Schema.Types.ObjectId, ref: "Category", required: true },
    /** Only ever raised. */
    lastReadNumber: { type: Number, required: true, min: 0 },
  },
  { timestamps: true },
);
readPositionSchema.index({ userId: 1, threadId: 1 }, { unique: true });
readPositionSchema.index({ userId: 1, groupId: 1 });

export type ReadPositionDocument = InferSchemaType<typeof readPositionSchema> & { _id: mongoose.Types.ObjectId };
export const ReadPosition = mongoose.model("ReadPosition", readPositionSchema, "readPositions");
