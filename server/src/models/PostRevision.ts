import mongoose, { type InferSchemaType } from "mongoose";

/**
 * One document per version of a post's text. Version 1 is the original, written at the first
 * edit; each edit adds the new text as the next version. Never updated or deleted.
 */
const postRevisionSchema = new mongoose.Schema(
  {
    postId: { type: mongoose.Schema.Types.ObjectId, ref: "Post", required: true },
    version: { type: Number, required: true },
    /** Markdown of this version. */
    body: { type: String, required: true },
    /** Who wrote this version: the author, or a moderator who edited it. */
    editorId: { type: mongoose.Schema.Types.ObjectId, ref: "User", required: true },
  },
  { timestamps: { createdAt: true, updatedAt: false } },
);
postRevisionSchema.index({ postId: 1, version: 1 }, { unique: true });

export type PostRevisionDocument = InferSchemaType<typeof postRevisionSchema> & { _id: mongoose.Types.ObjectId };
export const PostRevision = mongoose.model("PostRevision", postRevisionSchema, "postRevisions");
