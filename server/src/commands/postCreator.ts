import mongoose from "mongoose";
import { Post, type PostDocument } from "../models/Post.js";
import { Thread, type ThreadDocument } from "../models/Thread.js";
import { renderMarkdown } from "../services/markdown.js";
import { recordEvent } from "./recordEvent.js";

export interface PostCreatorProps {
  /** The thread the post goes into (already authorized). */
  thread: ThreadDocument;
  /** Who writes it. */
  authorId: mongoose.Types.ObjectId;
  /** Markdown source. */
  body: string;
  /** Client-generated id; a second send with the same id returns the first post. */
  clientId: string;
  ip?: string | null;
  /** Backdating for imports and demo data; defaults to now. */
  createdAt?: Date;
}

export interface PostCreatorResult {
  post: PostDocument;
  /** False when the same clientId had already been stored: nothing new was written. */
  created: boolean;
}

const isDuplicateKey = (error: unknown): boolean =>
  typeof error === "object" && error !== null && "code" in error && error.code === 11000;

export async function postCreator(props: PostCreatorProps): Promise<PostCreatorResult> {
  const existing = await Post.findOne({ authorId: props.authorId, clientId: props.clientId }).lean();
  if (existing) return { post: existing, created: false };

  const sequence = await Thread.findOneAndUpdate(
    { _id: props.thread._id },
    { $inc: { lastPostNumber: 1 } },
    { returnDocument: "after" },
  ).lean();
  if (!sequence) throw new Error("thread vanished while posting");

  const createdAt = props.createdAt ?? new Date();
  let post: PostDocument;
  try {
    const created = await Post.create({
      threadId: props.thread._id,
      number: sequence.lastPostNumber,
      authorId: props.authorId,
      body: props.body,
      html: renderMarkdown(props.body),
      clientId: props.clientId,
      createdAt,
      updatedAt: createdAt,
    });
    post = created.toObject() as PostDocument;
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
    const raced = await Post.findOne({ authorId: props.authorId, clientId: props.clientId }).lean();
    if (!raced) throw error;
    return { post: raced, created: false };
  }

  await Thread.updateOne({ _id: props.thread._id }, { $inc: { postCount: 1 }, $set: { lastPostAt: createdAt } });
  await recordEvent({
    name: "posts.create",
    actorId: props.authorId,
    subjectType: "Post",
    subjectId: post._id,
    groupId: props.thread.groupId,
    threadId: props.thread._id,
    data: { number: post.number },
    ip: props.ip ?? null,
  });
  return { post, created: true };
}
