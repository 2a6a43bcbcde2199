import type mongoose from "mongoose";
import { anyOf } from "../db/anyOf.js";
import { Reaction } from "../models/Reaction.js";

/** The reactions one person gave to the given posts, as `postId:kind`, in one query. */
export async function loadMyReactions(
  userId: mongoose.Types.ObjectId | string | null | undefined,
  postIds: mongoose.Types.ObjectId[],
): Promise<Set<string>> {
  if (!userId || postIds.length === 0) return new Set();
  const reactions = await Reaction.find({ userId, postId: anyOf(postIds) }, { postId: 1, kind: 1 }).lean();
  return new Set(reactions.map((reaction) => `${reaction.postId.toString()}:${reaction.kind}`));
}
