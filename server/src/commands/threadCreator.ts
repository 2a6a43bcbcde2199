import type mongoose from "mongoose";
import { Category, type CategoryDocument } from "../models/Category.js";
import type { PostDocument } from "../models/Post.js";
import { Thread, type ThreadDocument } from "../models/Thread.js";
import { postCreator } from "./postCreator.js";
import { recordEvent } from "./recordEvent.js";

export interface ThreadCreatorProps {
  /** Where the thread goes (already authorized). */
  category: CategoryDocument;
  authorId: mongoose.Types.ObjectId;
  title: string;
  /** Markdown of the first post. */
  body: string;
  /** Client-generated id of the first post. */
  clientId: string;
  ip?: string | null;
  createdAt?: Date;
}

export async function threadCreator(
  props: ThreadCreatorProps,
): Promise<{ thread: ThreadDocument; firstPost: PostDocument }> {
  const createdAt = props.createdAt ?? new Date();
  const created = await Thread.create({
    categoryId: props.category._id,
    groupId: props.category.groupId,
    title: props.title,
    authorId: props.authorId,
    lastPostAt: createdAt,
    createdAt,
    updatedAt: createdAt,
  });
  const thread = created.toObject() as ThreadDocument;
  await Category.updateOne({ _id: props.category._id }, { $inc: { threadCount: 1 } });
  await recordEvent({
    name: "threads.create",
    actorId: props.authorId,
    subjectType: "Thread",
    subjectId: thread._id,
    groupId: thread.groupId,
    threadId: thread._id,
    data: { title: thread.title, categoryId: props.category._id.toString() },
    ip: props.ip ?? null,
  });
  const { post } = await postCreator({
    thread,
    authorId: props.authorId,
    body: props.body,
    clientId: props.clientId,
    ip: props.ip ?? null,
    createdAt,
  });
  return { thread, firstPost: post };
}
