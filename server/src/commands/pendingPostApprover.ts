import type mongoose from "mongoose";
import { conflict } from "../errors/AppError.js";
import { Category } from "../models/Category.js";
import { PendingPost, type PendingPostDocument } from "../models/PendingPost.js";
import type { PostDocument } from "../models/Post.js";
import { Thread } from "../models/Thread.js";
import { claimPendingPost } from "./support/pendingPostClaim.js";
import { postCreator } from "./postCreator.js";
import { recordEvent } from "./recordEvent.js";
import { threadCreator } from "./threadCreator.js";
import type { RequestContext } from "../requestContext.js";

export interface PendingPostApproverProps {
  pending: PendingPostDocument;
  moderatorId: mongoose.Types.ObjectId;
  context?: RequestContext;
}

/**
 * Publishes a waiting post through the ordinary creation commands: the post gets its number now,
 * and its `posts.create` (and `threads.create`) event brings the counts, notifications and live
 * pushes every other post gets. Then `posts.approve` records the moderator's decision.
 */
export async function pendingPostApprover(props: PendingPostApproverProps): Promise<PostDocument> {
  const { pending } = props;
  await claimPendingPost(pending, "approved", props.moderatorId, null);
  let post: PostDocument;
  try {
    post = await publish(pending);
  } catch (error) {
    await PendingPost.updateOne(
      { _id: pending._id },
      { $set: { status: "pending", decidedById: null, decidedAt: null } },
    );
    throw error;
  }
  await PendingPost.updateOne({ _id: pending._id }, { $set: { postId: post._id, threadId: post.threadId } });
  const thread = await Thread.findById(post.threadId, { groupId: 1 }).lean();
  await recordEvent({
    name: "posts.approve",
    actorId: props.moderatorId,
    subjectType: "Post",
    subjectId: post._id,
    groupId: thread?.groupId ?? null,
    threadId: post.threadId,
    data: {
      before: { status: "pending" },
      after: { status: "approved", number: post.number },
      pendingId: pending._id.toString(),
      kind: pending.kind,
      targetUserId: pending.authorId.toString(),
    },
    context: props.context,
  });
  return post;
}

async function publish(pending: PendingPostDocument): Promise<PostDocument> {
  if (pending.kind === "reply") {
    const thread = pending.threadId ? await Thread.findById(pending.threadId).lean() : null;
    if (!thread) throw conflict("Wątku tego wpisu już nie ma.");
    const { post } = await postCreator({
      thread,
      authorId: pending.authorId,
      body: pending.body,
      clientId: pending.clientId,
      context: { actor: null, ip: pending.ip ?? null, requestId: null },
    });
    return post;
  }
  const category = await Category.findById(pending.categoryId).lean();
  if (!category) throw conflict("Kategorii tego wątku już nie ma.");
  const { firstPost } = await threadCreator({
    category,
    authorId: pending.authorId,
    title: pending.title ?? "",
    tags: pending.tags,
    body: pending.body,
    clientId: pending.clientId,
    context: { actor: null, ip: pending.ip ?? null, requestId: null },
  });
  return firstPost;
}
