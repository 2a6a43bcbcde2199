import type mongoose from "mongoose";
import { conflict } from "../errors/AppError.js";
import { Post, type PostDocument } from "../models/Post.js";
import type { ThreadDocument } from "../models/Thread.js";
import { recordEvent } from "./recordEvent.js";
import type { RequestContext } from "../requestContext.js";

export interface PostDeleterProps {
  /** The post to delete (already authorized). */
  post: PostDocument;
  /** Its thread, for the event's group. */
  thread: Pick<ThreadDocument, "_id" | "groupId">;
  /** Who deletes: the author, or a moderator/admin. */
  deleterId: mongoose.Types.ObjectId;
  context?: RequestContext;
}

/**
 * Soft delete: the post keeps its place, body and history (for moderators) and is shown empty.
 * Deleting it again changes nothing.
 */
export async function postDeleter(props: PostDeleterProps): Promise<void> {
  const { post } = props;
  if (post.number === 1) throw conflict("Nie można usunąć pierwszego wpisu wątku.");
  const deletedAt = new Date();
  const result = await Post.updateOne(
    { _id: post._id, deletedAt: null },
    { $set: { deletedAt, deletedById: props.deleterId } },
  );
  if (result.modifiedCount === 0) return;
  await recordEvent({
    name: "posts.delete",
    actorId: props.deleterId,
    subjectType: "Post",
    subjectId: post._id,
    groupId: props.thread.groupId,
    threadId: props.thread._id,
    data: { number: post.number, authorId: post.authorId.toString() },
    context: props.context,
  });
}
