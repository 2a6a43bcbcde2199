import mongoose from "mongoose";
import { anyOf } from "../db/anyOf.js";
import { isDuplicateKeyError } from "../db/duplicateKey.js";
import { conflict } from "../errors/AppError.js";
import type { CategoryDocument } from "../models/Category.js";
import { PendingWrite } from "../models/PendingWrite.js";
import { Post, type PostDocument } from "../models/Post.js";
import { Thread, type ThreadDocument } from "../models/Thread.js";
import { isInFlight, withPendingWrite } from "../infra/pendingWrites.js";
import { preparePostBody } from "./support/postBody.js";
import { storePost } from "./support/postWrites.js";
import { finishThread, undoOrphanFirstPost } from "./support/threadWrites.js";
import type { RequestContext } from "../requestContext.js";

export interface ThreadCreatorProps {
  /** Where the thread goes (already authorized). */
  category: CategoryDocument;
  authorId: mongoose.Types.ObjectId;
  title: string;
  /** Tag slugs, already checked against the taxonomy. */
  tags?: string[];
  /** Markdown of the first post. */
  body: string;
  /** Client-generated id of the first post; a second send with the same id returns the first thread. */
  clientId: string;
  context?: RequestContext;
  createdAt?: Date;
}

export interface ThreadCreatorResult {
  thread: ThreadDocument;
  firstPost: PostDocument;
  /** False when the same clientId had already started a thread: nothing new was written. */
  created: boolean;
}

const STILL_SAVING = "Ten wątek jest właśnie zapisywany. Odśwież stronę za chwilę.";

/**
 * The thread an already stored first post belongs to, if this clientId was sent before. A first
 * post whose thread never got stored (the database or the process went away in between) is
 * undone here, so that the send can start over.
 */
async function findRetried(authorId: mongoose.Types.ObjectId, clientId: string): Promise<ThreadCreatorResult | null> {
  const firstPost = await Post.findOne({ authorId, clientId }).lean();
  if (!firstPost) return null;
  const thread = await Thread.findById(firstPost.threadId).lean();
  if (thread) return { thread, firstPost, created: false };
  const pending = await PendingWrite.find({ kind: "thread", authorId, clientId }).lean();
  if (pending.some((write) => isInFlight(write._id))) throw conflict(STILL_SAVING);
  await undoOrphanFirstPost(firstPost);
  await PendingWrite.deleteMany({ _id: anyOf(pending.map((write) => write._id)) });
  return null;
}

/**
 * Starts a thread. The first post is stored before the thread (under the thread's id chosen
 * here), and the thread is stored already counting it: no reader can ever list a thread
 * without its first post, and a first post without its thread is never shown. The rest
 * follows under a pending-write record that the recovery pass finishes if needed.
 */
export async function threadCreator(props: ThreadCreatorProps): Promise<ThreadCreatorResult> {
  const retried = await findRetried(props.authorId, props.clientId);
  if (retried) return retried;

  const createdAt = props.createdAt ?? new Date();
  const threadId = new mongoose.Types.ObjectId();
  const prepared = await preparePostBody({
    body: props.body,
    thread: { groupId: props.category.groupId ?? null },
    authorId: props.authorId,
  });
  const { authorId, clientId } = props;
  return withPendingWrite({ kind: "thread", authorId, clientId, threadId }, async () => {
    let firstPost: PostDocument;
    try {
      firstPost = await storePost({ threadId, number: 1, authorId, clientId, body: props.body, prepared, createdAt });
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
      // Two sends of the same thread raced and the other one stored the first post.
      const winner = await Post.findOne({ authorId, clientId }).lean();
      const thread = winner && (await Thread.findById(winner.threadId).lean());
      if (!winner || !thread) throw conflict(STILL_SAVING);
      return { thread, firstPost: winner, created: false };
    }
    const created = await Thread.create({
      _id: threadId,
      categoryId: props.category._id,
      groupId: props.category.groupId,
      title: props.title,
      tags: props.tags ?? [],
      authorId,
      lastPostNumber: 1,
      postCount: 1,
      lastPostAt: createdAt,
      createdAt,
      updatedAt: createdAt,
    });
    const thread = created.toObject() as ThreadDocument;
    await finishThread({ thread, firstPost, context: props.context, recovering: false });
    const stored = await Thread.findById(thread._id).lean();
    return { thread: stored ?? thread, firstPost, created: true };
  });
}
