import mongoose, { type InferSchemaType } from "mongoose";

/** A moderator's note about a person, seen only by moderators and admins. */
const userNoteSchema = new mongoose.Schema(
  {
    userId: { type: mongoose.Schema.Types.ObjectId, ref: "User", required: true },
    authorId: { type: mongoose.Schema.Types.ObjectId, ref: "User", required: true },
    body: { type: String, required: true },
  },
  { timestamps: true },
);
userNoteSchema.index({ userId: 1, createdAt: -1 });

export type UserNoteDocument = InferSchemaType<typeof userNoteSchema> & { _id: mongoose.Types.ObjectId };
export const UserNote = mongoose.model("UserNote", userNoteSchema, "usernotes");
