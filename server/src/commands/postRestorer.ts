import type mongoose from "mongoose";
import { conflict } from "../errors/AppError.js";
import { Post, type PostDocument } from "../models/Post.js";
import type { ThreadDocument } from "../models/Thread.js";
import { hiddenState } from "./support/postHiddenState.js";
import { recordEvent } from "./recordEvent.js";
import type { RequestContext } from "../requestContext.js";

export interface PostRestorerProps {
  post: PostDocument;
  thread: Pick<ThreadDocument, "_id" | "groupId">;
  moderatorId: mongoose.Types.ObjectId;
  context?: RequestContext;
}

/** Shows a hidden post to everyone again. */
export async function postRestorer(props: PostRestorerProps): Promise<PostDocument> {
  const { post } = props;
  if (!post.hiddenAt) throw conflict("Ten wpis nie jest ukryty.");
  const updated = await Post.findOneAndUpdate(
    { _id: post._id, hiddenAt: post.hiddenAt },
    { $set: { hiddenAt: null, hiddenById: null, hiddenReason: null, hiddenAuto: false } },
    { returnDocument: "after" },
  ).lean();
  if (!updated) throw conflict("Ten wpis nie jest ukryty.");
  await recordEvent({
    name: "posts.restore",
    actorId: props.moderatorId,
    subjectType: "Post",
    subjectId: post._id,
    groupId: props.thread.groupId,
    threadId: props.thread._id,
    data: {
      number: post.number,
      authorId: post.authorId.toString(),
      targetUserId: post.authorId.toString(),
      before: hiddenState(post),
      after: hiddenState(updated),
    },
    context: props.context,
  });
  return updated;
}
