import type mongoose from "mongoose";
import { conflict } from "../errors/AppError.js";
import { Post, type PostDocument } from "../models/Post.js";
import type { ThreadDocument } from "../models/Thread.js";
import { recordEvent } from "./recordEvent.js";
import type { RequestContext } from "../requestContext.js";

export interface PostRecordKeeperProps {
  post: PostDocument;
  thread: Pick<ThreadDocument, "_id" | "groupId">;
  /** true: keep for the group's record; false: release it (an erasure of its author then removes the text). */
  keep: boolean;
  moderatorId: mongoose.Types.ObjectId;
  context?: RequestContext;
}

/** A moderator marks (or releases) a post the group's record needs; it then survives its author's erasure. */
export async function postRecordKeeper(props: PostRecordKeeperProps): Promise<PostDocument> {
  const { post, keep } = props;
  const updated = await Post.findOneAndUpdate(
    { _id: post._id, keptForRecord: !keep },
    { $set: { keptForRecord: keep } },
    { returnDocument: "after" },
  ).lean();
  if (!updated) {
    throw conflict(
      keep ? "Ten wpis jest już zachowany w dokumentacji grupy." : "Ten wpis nie jest zachowany w dokumentacji grupy.",
    );
  }
  await recordEvent({
    name: keep ? "posts.keepForRecord" : "posts.releaseFromRecord",
    actorId: props.moderatorId,
    subjectType: "Post",
    subjectId: post._id,
    groupId: props.thread.groupId,
    threadId: props.thread._id,
    data: { number: post.number, before: { keptForRecord: !keep }, after: { keptForRecord: keep } },
    context: props.context,
  });
  return updated;
}
