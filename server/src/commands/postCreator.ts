import type mongoose from "mongoose";
import { isDuplicateKeyError } from "../db/duplicateKey.js";
import { Attachment } from "../models/Attachment.js";
import { Event } from "../models/Event.js";
import { Post, type PostDocument } from "../models/Post.js";
import { Thread, type ThreadDocument } from "../models/Thread.js";
import { draftDiscarder } from "../infra/drafts.js";
import { withPendingWrite } from "../infra/pendingWrites.js";
import { attachmentLinker } from "./attachmentLinker.js";
import { preparePostBody, type PreparedPostBody } from "./support/postBody.js";
import { setDefaultThreadLevel } from "../queries/watchLevels.js";
import { ownPostRead } from "./readPositionMarker.js";
import { recordEvent } from "./recordEvent.js";
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

/**
 * What follows storing a post and counting it: its files, the author's draft, watch level and
 * read position, and the `posts.create` event. Every step can run twice; the recovery pass
 * (`recovering`) records the event only if it is not there yet.
 */
export async function finishPost(props: {
  post: PostDocument;
  thread: ThreadDocument;
  context: RequestContext | undefined;
  recovering: boolean;
}): Promise<void> {
  const { post, thread } = props;
  const linked = await attachmentLinker({
    body: post.body,
    postId: post._id,
    threadId: thread._id,
    uploaderIds: [post.authorId],
  });
  // A first attempt may have linked the files already: the event still lists them.
  const attachmentIds = props.recovering
    ? (await Attachment.find({ postId: post._id }, { _id: 1 }).lean()).map((attachment) => attachment._id.toString())
    : linked;
  // The reply is stored: its draft (on whichever device it was typed) is done with.
  await draftDiscarder({ userId: post.authorId, scope: "thread", targetId: thread._id });
  // The author of a thread watches it; someone who replies follows it, unless they chose otherwise.
  await setDefaultThreadLevel(post.authorId, thread._id, post.number === 1 ? "watching" : "tracking");
  await ownPostRead({
    userId: post.authorId,
    thread: { ...thread, lastPostNumber: Math.max(thread.lastPostNumber, post.number) },
    number: post.number,
  });
  if (props.recovering && (await Event.exists({ subjectId: post._id, name: "posts.create" }))) return;
  await recordEvent({
    name: "posts.create",
    actorId: post.authorId,
    subjectType: "Post",
    subjectId: post._id,
    groupId: thread.groupId,
    threadId: thread._id,
    data: {
      number: post.number,
      attachmentIds,
      mentionedUserIds: post.mentionedUserIds.map(String),
      quotedPostIds: post.quotedPostIds.map(String),
    },
    context: props.context,
  });
}

/** Inserts one post as rendered; a duplicate (authorId, clientId) or number throws the driver's duplicate-key error. */
export async function storePost(props: {
  threadId: mongoose.Types.ObjectId;
  number: number;
  authorId: mongoose.Types.ObjectId;
  clientId: string;
  body: string;
  prepared: PreparedPostBody;
  createdAt: Date;
}): Promise<PostDocument> {
  const { prepared, createdAt } = props;
  const created = await Post.create({
    threadId: props.threadId,
    number: props.number,
    authorId: props.authorId,
    body: props.body,
    html: prepared.html,
    mentionedUserIds: prepared.mentionedUserIds,
    quotedPostIds: prepared.quotedPostIds,
    clientId: props.clientId,
    createdAt,
    updatedAt: createdAt,
  });
  return created.toObject() as PostDocument;
}
