import type mongoose from "mongoose";
import { isDuplicateKeyError } from "../db/duplicateKey.js";
import { conflict } from "../errors/AppError.js";
import { Post, type PostDocument } from "../models/Post.js";
import { PostRevision } from "../models/PostRevision.js";
import type { ThreadDocument } from "../models/Thread.js";
import { attachmentLinker } from "./attachmentLinker.js";
import { preparePostBody } from "./support/postBody.js";
import { recordEvent } from "./recordEvent.js";
import type { RequestContext } from "../requestContext.js";

export interface PostEditorProps {
  /** The post to change (already authorized). */
  post: PostDocument;
  /** Its thread, for the event's group. */
  thread: Pick<ThreadDocument, "_id" | "groupId">;
  /** Who edits: the author, or a moderator/admin. */
  editorId: mongoose.Types.ObjectId;
  /** The new markdown. */
  body: string;
  context?: RequestContext;
}

export const DELETED_POST_MESSAGE = "Ten wpis został usunięty.";

/** Writes the next version; two editors racing for the same number both get one in turn. */
async function appendRevision(
  postId: mongoose.Types.ObjectId,
  body: string,
  editorId: mongoose.Types.ObjectId,
  createdAt: Date,
): Promise<number> {
  for (let attempt = 1; ; attempt += 1) {
    const latest = await PostRevision.findOne({ postId }, { version: 1 }).sort({ version: -1 }).lean();
    const version = (latest?.version ?? 0) + 1;
    try {
      await PostRevision.create({ postId, version, body, editorId, createdAt });
      return version;
    } catch (error) {
      if (!isDuplicateKeyError(error) || attempt >= 5) throw error;
    }
  }
}

/** Changes a post's text and keeps every earlier version (the original becomes version 1). */
export async function postEditor(props: PostEditorProps): Promise<PostDocument> {
  const { post } = props;
  if (post.deletedAt) throw conflict(DELETED_POST_MESSAGE);
  if (post.body === props.body) return post;

  const editedAt = new Date();
  const previouslyMentioned = new Set((post.mentionedUserIds ?? []).map(String));
  const previouslyQuoted = new Set((post.quotedPostIds ?? []).map(String));
  const hasHistory = await PostRevision.exists({ postId: post._id });
  if (!hasHistory) {
    try {
      await PostRevision.create({
        postId: post._id,
        version: 1,
        body: post.body,
        editorId: post.authorId,
        createdAt: post.createdAt,
      });
    } catch (error) {
      // Another edit wrote the original a moment ago.
      if (!isDuplicateKeyError(error)) throw error;
    }
  }
  const version = await appendRevision(post._id, props.body, props.editorId, editedAt);
  // Mentions resolve as the author wrote them, whoever edits: a moderator's rights change nothing.
  const prepared = await preparePostBody({
    body: props.body,
    thread: { groupId: props.thread.groupId ?? null },
    authorId: post.authorId,
  });

  const updated = await Post.findOneAndUpdate(
    { _id: post._id, deletedAt: null },
    {
      $set: {
        body: props.body,
        html: prepared.html,
        mentionedUserIds: prepared.mentionedUserIds,
        quotedPostIds: prepared.quotedPostIds,
        editedAt,
        editedById: props.editorId,
      },
    },
    { returnDocument: "after" },
  ).lean();
  if (!updated) throw conflict(DELETED_POST_MESSAGE);
  const attachmentIds = await attachmentLinker({
    body: props.body,
    postId: post._id,
    threadId: props.thread._id,
    uploaderIds: [post.authorId, props.editorId],
  });

  await recordEvent({
    name: "posts.edit",
    actorId: props.editorId,
    subjectType: "Post",
    subjectId: post._id,
    groupId: props.thread.groupId,
    threadId: props.thread._id,
    data: {
      number: post.number,
      version,
      before: post.body,
      after: props.body,
      attachmentIds,
      authorId: post.authorId.toString(),
      mentionedUserIds: prepared.mentionedUserIds.map(String),
      // Only people not mentioned before this edit hear about it.
      newMentionIds: prepared.mentionedUserIds.map(String).filter((id) => !previouslyMentioned.has(id)),
      quotedPostIds: prepared.quotedPostIds.map(String),
      newQuotedPostIds: prepared.quotedPostIds.map(String).filter((id) => !previouslyQuoted.has(id)),
    },
    context: props.context,
  });
  return updated;
}
