import type mongoose from "mongoose";
import type { ReactionKind } from "@forum/shared";
import { isDuplicateKeyError } from "../db/duplicateKey.js";
import { Post, type PostDocument } from "../models/Post.js";
import { Reaction } from "../models/Reaction.js";
import type { ThreadDocument } from "../models/Thread.js";
import { recordEvent } from "./recordEvent.js";
import type { RequestContext } from "../requestContext.js";

export interface ReactionAdderProps {
  /** The post reacted to (already authorized; not deleted, not the reactor's own). */
  post: PostDocument;
  /** Its thread, for the event's group. */
  thread: Pick<ThreadDocument, "_id" | "groupId">;
  userId: mongoose.Types.ObjectId;
  kind: ReactionKind;
  context?: RequestContext;
}

/** Gives a reaction; giving the same one again changes nothing (unique index per post, person, kind). */
export async function reactionAdder(props: ReactionAdderProps): Promise<PostDocument> {
  try {
    await Reaction.create({ postId: props.post._id, userId: props.userId, kind: props.kind });
  } catch (error) {
    if (!isDuplicateKeyError(error)) throw error;
    return (await Post.findById(props.post._id).lean()) ?? props.post;
  }
  const updated = await Post.findOneAndUpdate(
    { _id: props.post._id },
    { $inc: { [`reactionCounts.${props.kind}`]: 1 } },
    { returnDocument: "after" },
  ).lean();
  await recordEvent({
    name: "posts.react",
    actorId: props.userId,
    subjectType: "Post",
    subjectId: props.post._id,
    groupId: props.thread.groupId,
    threadId: props.thread._id,
    data: { kind: props.kind },
    context: props.context,
  });
  return updated ?? props.post;
}
