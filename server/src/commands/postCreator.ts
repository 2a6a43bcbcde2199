import type mongoose from "mongoose";
import { isDuplicateKeyError } from "../db/duplicateKey.js";
import { Post, type PostDocument } from "../models/Post.js";
import { Thread, type ThreadDocument } from "../models/Thread.js";
import { withPendingWrite } from "../infra/pendingWrites.js";
import { preparePostBody } from "./support/postBody.js";
import { finishPost, storePost } from "./support/postWrites.js";
import type { RequestContext } from "../requestContext.js";

export interface PostCreatorProps {
  /** The thread the post goes into (already authorized). */
  thread: ThreadDocument;
  /** Who writes it. */
  authorId: mongoose.Types.ObjectId;
  /** Markdown source. */
  body: string;
  /** Client-generated id; a second send with the same id returns the first post. */
  clientId: string;
  context?: RequestContext;
  /** Backdating for imports and demo data; defaults to now. */
  createdAt?: Date;
}

export interface PostCreatorResult {
  post: PostDocument;
  /** False when the same clientId had already been stored: nothing new was written. */
  created: boolean;
}

/**
 * Stores a reply. Steps: draw a number, store the post, count it in the thread, then the
 * bookkeeping and the event, all under a pending-write record: if the database or the process
 * goes away between them, the recovery pass (jobs/writeRecovery.ts) finishes the rest.
 * A number drawn for a post that never got stored is a gap, never reused.
 */
export async function postCreator(props: PostCreatorProps): Promise<PostCreatorResult> {
  const existing = await Post.findOne({ authorId: props.authorId, clientId: props.clientId }).lean();
  if (existing) return { post: existing, created: false };

  const createdAt = props.createdAt ?? new Date();
  const prepared = await preparePostBody({
    body: props.body,
    thread: { groupId: props.thread.groupId ?? null },
    authorId: props.authorId,
  });
  const { authorId, clientId } = props;
  return withPendingWrite({ kind: "post", authorId, clientId, threadId: props.thread._id }, async () => {
    let post: PostDocument | undefined;
    // A server whose $inc is not atomic across connections (FerretDB with a connection pool)
    // can hand out a number twice; the unique (threadId, number) index catches it and we draw again.
    for (let attempt = 1; post === undefined; attempt += 1) {
      const sequence = await Thread.findOneAndUpdate(
        { _id: props.thread._id },
        { $inc: { lastPostNumber: 1 } },
        { returnDocument: "after" },
      ).lean();
      if (!sequence) throw new Error("thread vanished while posting");
      try {
        post = await storePost({
          threadId: props.thread._id,
          number: sequence.lastPostNumber,
          authorId,
          clientId,
          body: props.body,
          prepared,
          createdAt,
        });
      } catch (error) {
        if (!isDuplicateKeyError(error)) throw error;
        const raced = await Post.findOne({ authorId, clientId }).lean();
        if (raced) return { post: raced, created: false };
        if (attempt >= 5) throw error;
      }
    }

    await Thread.updateOne({ _id: props.thread._id }, { $inc: { postCount: 1 }, $set: { lastPostAt: createdAt } });
    await finishPost({ post, thread: props.thread, context: props.context, recovering: false });
    return { post, created: true };
  });
}
