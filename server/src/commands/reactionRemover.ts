import type mongoose from "mongoose";
import type { ReactionKind } from "@forum/shared";
import { Post, type PostDocument } from "../models/Post.js";
import { Reaction } from "../models/Reaction.js";
import type { ThreadDocument } from "../models/Thread.js";
import { recordEvent } from "./recordEvent.js";
import type { RequestContext } from "../requestContext.js";

export interface ReactionRemoverProps {
  /** The post (already authorized; not deleted). */
  post: PostDocument;
  /** Its thread, for the event's group. */
  thread: Pick<ThreadDocument, "_id" | "groupId">;
  userId: mongoose.Types.ObjectId;
  kind: ReactionKind;
  context?: RequestContext;
}

/** Takes a reaction back; taking back one that is not there changes nothing. */
export async function reactionRemover(props: ReactionRemoverProps): Promise<PostDocument> {
  const removed = await Reaction.deleteOne({ postId: props.post._id, userId: props.userId, kind: props.kind });
  if (removed.deletedCount === 0) return (await Post.findById(props.post._id).lean()) ?? props.post;
  const updated = await Post.findOneAndUpdate(
    { _id: props.post._id },
    { $inc: { [`reactionCounts.${props.kind}`]: -1 } },
    { returnDocument: "after" },
  ).lean();
  await recordEvent({
    name: "posts.unreact",
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
