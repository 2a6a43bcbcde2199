import type mongoose from "mongoose";
import { Category, type CategoryDocument } from "../models/Category.js";
import { Post, type PostDocument } from "../models/Post.js";
import { Thread, type ThreadDocument } from "../models/Thread.js";
import { draftDiscarder } from "../services/drafts.js";
import { postCreator } from "./postCreator.js";
import { recordEvent } from "./recordEvent.js";

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
  ip?: string | null;
  createdAt?: Date;
}

export interface ThreadCreatorResult {
  thread: ThreadDocument;
  firstPost: PostDocument;
  /** False when the same clientId had already started a thread: nothing new was written. */
  created: boolean;
}

/** The thread an already stored first post belongs to, if this clientId was sent before. */
async function findRetried(authorId: mongoose.Types.ObjectId, clientId: string): Promise<ThreadCreatorResult | null> {
  const firstPost = await Post.findOne({ authorId, clientId }).lean();
  if (!firstPost) return null;
  const thread = await Thread.findById(firstPost.threadId).lean();
  return thread ? { thread, firstPost, created: false } : null;
}

export async function threadCreator(props: ThreadCreatorProps): Promise<ThreadCreatorResult> {
  const retried = await findRetried(props.authorId, props.clientId);
  if (retried) return retried;

  const createdAt = props.createdAt ?? new Date();
  const created = await Thread.create({
    categoryId: props.category._id,
    groupId: props.category.groupId,
    title: props.title,
    tags: props.tags ?? [],
    authorId: props.authorId,
    lastPostAt: createdAt,
    createdAt,
    updatedAt: createdAt,
  });
  const thread = created.toObject() as ThreadDocument;
  const { post, created: postCreated } = await postCreator({
    thread,
    authorId: props.authorId,
    body: props.body,
    clientId: props.clientId,
    ip: props.ip ?? null,
    createdAt,
  });
  if (!postCreated) {
    // Two sends of the same thread raced and the other one stored the first post: drop ours.
    await Thread.deleteOne({ _id: thread._id });
    const winner = await findRetried(props.authorId, props.clientId);
    if (!winner) throw new Error("retried thread vanished");
    return winner;
  }
  await Category.updateOne({ _id: props.category._id }, { $inc: { threadCount: 1 } });
  await draftDiscarder({ userId: props.authorId, scope: "category", targetId: props.category._id });
  await recordEvent({
    name: "threads.create",
    actorId: props.authorId,
    subjectType: "Thread",
    subjectId: thread._id,
    groupId: thread.groupId,
    threadId: thread._id,
    data: {
      title: thread.title,
      tags: thread.tags,
      categoryId: props.category._id.toString(),
      firstPostId: post._id.toString(),
    },
    ip: props.ip ?? null,
  });
  const stored = await Thread.findById(thread._id).lean();
  return { thread: stored ?? thread, firstPost: post, created: true };
}
