import type mongoose from "mongoose";
import { isDuplicateKeyError } from "../db/duplicateKey.js";
import { Post, type PostDocument } from "../models/Post.js";
import { Thread, type ThreadDocument } from "../models/Thread.js";
import { draftDiscarder } from "../services/drafts.js";
import { attachmentLinker } from "./attachmentLinker.js";
import { preparePostBody } from "../services/postBody.js";
import { setDefaultThreadLevel } from "../services/watchLevels.js";
import { ownPostRead } from "./readPositionMarker.js";
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

export async function postCreator(props: PostCreatorProps): Promise<PostCreatorResult> {
  const existing = await Post.findOne({ authorId: props.authorId, clientId: props.clientId }).lean();
  if (existing) return { post: existing, created: false };

  const createdAt = props.createdAt ?? new Date();
  const prepared = await preparePostBody({
    body: props.body,
    thread: { groupId: props.thread.groupId ?? null },
    authorId: props.authorId,
  });
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
      const created = await Post.create({
        threadId: props.thread._id,
        number: sequence.lastPostNumber,
        authorId: props.authorId,
        body: props.body,
        html: prepared.html,
        mentionedUserIds: prepared.mentionedUserIds,
        quotedPostIds: prepared.quotedPostIds,
        clientId: props.clientId,
        createdAt,
        updatedAt: createdAt,
      });
      post = created.toObject() as PostDocument;
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
      const raced = await Post.findOne({ authorId: props.authorId, clientId: props.clientId }).lean();
      if (raced) return { post: raced, created: false };
      if (attempt >= 5) throw error;
    }
  }

  await Thread.updateOne({ _id: props.thread._id }, { $inc: { postCount: 1 }, $set: { lastPostAt: createdAt } });
  const attachmentIds = await attachmentLinker({
    body: props.body,
    postId: post._id,
    threadId: props.thread._id,
    uploaderIds: [props.authorId],
  });
  // The reply is stored: its draft (on whichever device it was typed) is done with.
  await draftDiscarder({ userId: props.authorId, scope: "thread", targetId: props.thread._id });
  // The author of a thread watches it; someone who replies follows it, unless they chose otherwise.
  await setDefaultThreadLevel(props.authorId, props.thread._id, post.number === 1 ? "watching" : "tracking");
  await ownPostRead({
    userId: props.authorId,
    thread: { ...props.thread, lastPostNumber: post.number },
    number: post.number,
  });
  await recordEvent({
    name: "posts.create",
    actorId: props.authorId,
    subjectType: "Post",
    subjectId: post._id,
    groupId: props.thread.groupId,
    threadId: props.thread._id,
    data: {
      number: post.number,
      attachmentIds,
      mentionedUserIds: prepared.mentionedUserIds.map(String),
      quotedPostIds: prepared.quotedPostIds.map(String),
    },
    ip: props.ip ?? null,
  });
  return { post, created: true };
}
