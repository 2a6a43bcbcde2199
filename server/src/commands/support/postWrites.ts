import type mongoose from "mongoose";
import { Attachment } from "../../models/Attachment.js";
import { Event } from "../../models/Event.js";
import { Post, type PostDocument } from "../../models/Post.js";
import type { ThreadDocument } from "../../models/Thread.js";
import { draftDiscarder } from "../../infra/drafts.js";
import { setDefaultThreadLevel } from "../../queries/watchLevels.js";
import { attachmentLinker } from "../attachmentLinker.js";
import { recordEvent } from "../recordEvent.js";
import type { RequestContext } from "../../requestContext.js";
import type { PreparedPostBody } from "./postBody.js";
import { ownPostRead } from "./ownPostRead.js";

/**
 * The write steps a post shares with the thread that opens with it and with the recovery of an interrupted write
 * (jobs/writeRecovery.ts): storing it, and everything that follows it.
 */

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
