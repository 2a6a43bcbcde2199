import type mongoose from "mongoose";
import { AUTO_HIDE_REASON } from "@forum/shared";
import { conflict } from "../errors/AppError.js";
import { Post, type PostDocument } from "../models/Post.js";
import type { ThreadDocument } from "../models/Thread.js";
import { DELETED_POST_MESSAGE } from "./postEditor.js";
import { hiddenState } from "./support/postHiddenState.js";
import { recordEvent } from "./recordEvent.js";
import type { RequestContext } from "../requestContext.js";

export interface PostHiderProps {
  /** The post to hide (already authorized). */
  post: PostDocument;
  thread: Pick<ThreadDocument, "_id" | "groupId">;
  /** The moderator; null when the flag threshold hides it. */
  moderatorId: mongoose.Types.ObjectId | null;
  /** Shown to the author; ignored for an automatic hide. */
  reason: string;
  context?: RequestContext;
}

/**
 * Hides a post: its author and moderators still see it with the reason, everyone else a
 * placeholder. A moderator may hide (with their reason) a post the flags hid automatically.
 */
export async function postHider(props: PostHiderProps): Promise<PostDocument> {
  const { post } = props;
  const auto = props.moderatorId === null;
  if (post.deletedAt) throw conflict(DELETED_POST_MESSAGE);
  if (post.hiddenAt && (auto || !post.hiddenAuto)) throw conflict("Ten wpis jest już ukryty.");
  const reason = auto ? AUTO_HIDE_REASON : props.reason;
  const updated = await Post.findOneAndUpdate(
    // Only from the state this decision was made on: a concurrent hide wins, this one answers 409.
    { _id: post._id, deletedAt: null, hiddenAt: post.hiddenAt ?? null },
    { $set: { hiddenAt: new Date(), hiddenById: props.moderatorId, hiddenReason: reason, hiddenAuto: auto } },
    { returnDocument: "after" },
  ).lean();
  if (!updated) throw conflict("Ten wpis jest już ukryty.");
  await recordEvent({
    name: "posts.hide",
    actorId: props.moderatorId,
    subjectType: "Post",
    subjectId: post._id,
    groupId: props.thread.groupId,
    threadId: props.thread._id,
    data: {
      number: post.number,
      authorId: post.authorId.toString(),
      targetUserId: post.authorId.toString(),
      reason,
      before: hiddenState(post),
      after: hiddenState(updated),
    },
    context: props.context,
  });
  return updated;
}
