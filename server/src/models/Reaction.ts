import mongoose, { type InferSchemaType } from "mongoose";
import { REACTIONS } from "@forum/shared";

/** One document per (post, person, kind): the unique index makes giving a reaction idempotent. */
const reactionSchema = new mongoose.Schema(
  {
    postId: { type: mongoose.Schema.Types.ObjectId, ref: "Post", required: true },
    userId: { type: mongoose.Schema.Types.ObjectId, ref: "User", required: true },
    kind: { type: String, enum: REACTIONS, required: true },
  },
  { timestamps: { createdAt: true, updatedAt: false } },
);
reactionSchema.index({ postId: 1, userId: 1, kind: 1 }, { unique: true });

export type ReactionDocument = InferSchemaType<typeof reactionSchema> & { _id: mongoose.Types.ObjectId };
export const Reaction = mongoose.model("Reaction", reactionSchema, "reactions");
