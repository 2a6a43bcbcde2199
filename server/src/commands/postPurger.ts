import { createHash } from "node:crypto";
import type mongoose from "mongoose";
import { conflict } from "../errors/AppError.js";
import { Attachment } from "../models/Attachment.js";
import { Flag } from "../models/Flag.js";
import { Notification } from "../models/Notification.js";
import { Post, type PostDocument } from "../models/Post.js";
import { PostRevision } from "../models/PostRevision.js";
import { Reaction } from "../models/Reaction.js";
import { Thread, type ThreadDocument } from "../models/Thread.js";
import { deleteStoredUpload } from "../infra/uploadStorage.js";
import { recordEvent } from "./recordEvent.js";
import type { RequestContext } from "../requestContext.js";

export interface PostPurgerProps {
  /** The post to erase (already authorized: admins only). */
  post: PostDocument;
  thread: Pick<ThreadDocument, "_id" | "groupId">;
  adminId: mongoose.Types.ObjectId;
  /** Where attachment files are stored. */
  uploadDirectory: string;
  context?: RequestContext;
}

const sha256 = (text: string): string => createHash("sha256").update(text).digest("hex");

/**
 * Erases a post for good: the document, its versions, reactions, flags, notifications and
 * attachment files. The thread keeps its numbering (the number is never reused: a gap stays).
 * The event keeps a hash of the text, never the text itself.
 */
export async function postPurger(props: PostPurgerProps): Promise<void> {
  const { post } = props;
  if (post.number === 1) throw conflict("Pierwszego wpisu nie można usunąć trwale: usuń cały wątek.");
  const revisions = await PostRevision.find({ postId: post._id }, { body: 1 }).lean();
  const attachments = await Attachment.find({ postId: post._id }, { storageKey: 1, thumbnailKey: 1 }).lean();
  const removed = await Post.deleteOne({ _id: post._id });
  if (removed.deletedCount === 0) throw conflict("Ten wpis został już usunięty.");
  await Promise.all([
    PostRevision.deleteMany({ postId: post._id }),
    Reaction.deleteMany({ postId: post._id }),
    Flag.deleteMany({ postId: post._id }),
    Notification.deleteMany({ postId: post._id }),
    Attachment.deleteMany({ postId: post._id }),
    Thread.updateOne({ _id: props.thread._id }, { $inc: { postCount: -1 } }),
  ]);
  await deleteStoredUpload(
    props.uploadDirectory,
    attachments.flatMap((attachment) => [attachment.storageKey, attachment.thumbnailKey ?? null]),
  );
  const before = {
    number: post.number,
    authorId: post.authorId.toString(),
    contentHash: sha256(post.body),
    revisionHashes: revisions.map((revision) => sha256(revision.body)),
    attachmentCount: attachments.length,
  };
  await recordEvent({
    name: "posts.purge",
    actorId: props.adminId,
    subjectType: "Post",
    subjectId: post._id,
    groupId: props.thread.groupId,
    threadId: props.thread._id,
    data: {
      number: post.number,
      authorId: post.authorId.toString(),
      targetUserId: post.authorId.toString(),
      before,
      after: null,
    },
    context: props.context,
  });
}
