import type mongoose from "mongoose";
import { isDuplicateKeyError } from "../db/duplicateKey.js";
import type { CategoryDocument } from "../models/Category.js";
import { PendingPost, type PendingPostDocument } from "../models/PendingPost.js";
import type { ThreadDocument } from "../models/Thread.js";
import { preparePostBody } from "./support/postBody.js";
import { recordEvent } from "./recordEvent.js";
import type { RequestContext } from "../requestContext.js";

export type PendingPostCreatorProps = {
  authorId: mongoose.Types.ObjectId;
  body: string;
  clientId: string;
  context?: RequestContext;
} & (
  | { kind: "reply"; thread: ThreadDocument }
  | { kind: "thread"; category: CategoryDocument; title: string; tags: string[] }
);

/**
 * Puts a new member's post (or new thread) into the approval queue. Nothing is published, counted,
 * notified or pushed to readers: only the moderators' queue hears of it (the event).
 */
export async function pendingPostCreator(
  props: PendingPostCreatorProps,
): Promise<{ pending: PendingPostDocument; created: boolean }> {
  const existing = await PendingPost.findOne({ authorId: props.authorId, clientId: props.clientId }).lean();
  if (existing) return { pending: existing, created: false };
  const groupId = props.kind === "reply" ? (props.thread.groupId ?? null) : (props.category.groupId ?? null);
  const prepared = await preparePostBody({ body: props.body, thread: { groupId }, authorId: props.authorId });
  let pending: PendingPostDocument;
  try {
    const created = await PendingPost.create({
      kind: props.kind,
      authorId: props.authorId,
      threadId: props.kind === "reply" ? props.thread._id : null,
      categoryId: props.kind === "reply" ? props.thread.categoryId : props.category._id,
      groupId,
      title: props.kind === "thread" ? props.title : null,
      tags: props.kind === "thread" ? props.tags : [],
      body: props.body,
      html: prepared.html,
      clientId: props.clientId,
      ip: props.context?.ip ?? null,
    });
    pending = created.toObject() as PendingPostDocument;
  } catch (error) {
    if (!isDuplicateKeyError(error)) throw error;
    const raced = await PendingPost.findOne({ authorId: props.authorId, clientId: props.clientId }).lean();
    if (!raced) throw error;
    return { pending: raced, created: false };
  }
  await recordEvent({
    name: "pendingPosts.create",
    actorId: props.authorId,
    subjectType: "PendingPost",
    subjectId: pending._id,
    groupId,
    threadId: pending.threadId ?? null,
    data: { kind: pending.kind, targetUserId: props.authorId.toString() },
    context: props.context,
  });
  return { pending, created: true };
}
