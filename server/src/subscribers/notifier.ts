import mongoose from "mongoose";
import type { NotificationKind } from "@forum/shared";
import type { Logger } from "../logger.js";
import type { EventDocument } from "../models/Event.js";
import { Notification, type NotificationDocument } from "../models/Notification.js";
import { Post } from "../models/Post.js";
import { Thread, type ThreadDocument } from "../models/Thread.js";
import { User } from "../models/User.js";
import { anyOf } from "../db/anyOf.js";
import { eventBus } from "../infra/eventBus.js";
import { isProcessingRestricted } from "../domain/processingRestriction.js";
import { mailer } from "../infra/mailer.js";
import { mailLinks, mailTemplates, type UnsubscribeLinks } from "../infra/mailTemplates.js";
import { mayReadThread } from "../queries/threadReaders.js";
import { unsubscribeToken } from "../infra/unsubscribeTokens.js";
import { effectiveLevels, watchersOf } from "../queries/watchLevels.js";

/** What happens to a notification once stored: the live push (realtime/notificationPush.ts). */
export type NotificationDelivery = (notification: NotificationDocument) => void;

/** One person to notify about one event; the first (strongest) reason wins. */
interface Candidate {
  userId: mongoose.Types.ObjectId;
  kind: NotificationKind;
}

/** A post's event that concerns someone: mention beats quote beats a plain reply. */
const PRIORITY: NotificationKind[] = ["moderation", "mention", "quote", "new_thread", "reply", "reaction"];

type ThreadFacts = Pick<ThreadDocument, "_id" | "groupId" | "categoryId" | "title">;

/**
 * Turns recorded events into notifications. Runs after the change is stored, never inside a
 * route; at notification time it asks the policies whether the recipient may read the thread,
 * and never notifies the person who acted.
 */
export function startNotifier(options: { logger: Logger; deliver: NotificationDelivery }): () => void {
  const { logger, deliver } = options;
  return eventBus.subscribe((event) => {
    if (!HANDLED.has(event.name) || !event.threadId) return;
    notifyAbout(event, deliver, logger).catch((error: unknown) =>
      logger.error({ err: error, event: event.name }, "notifications failed"),
    );
  });
}

const HANDLED = new Set(["posts.create", "posts.edit", "posts.delete", "posts.react"]);

const ids = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : []);

async function candidatesFor(event: EventDocument, thread: ThreadFacts): Promise<Candidate[]> {
  const data = (event.data ?? {}) as Record<string, unknown>;
  const actorId = event.actorId?.toString() ?? null;
  const post = await Post.findById(event.subjectId, { authorId: 1, number: 1 }).lean();
  if (!post) return [];
  const candidates: Candidate[] = [];
  const add = (userIds: (mongoose.Types.ObjectId | string)[], kind: NotificationKind) => {
    for (const userId of userIds) candidates.push({ userId: toObjectId(userId), kind });
  };
  const quotedAuthors = async (postIds: string[]) =>
    postIds.length
      ? (await Post.find({ _id: anyOf(postIds) }, { authorId: 1 }).lean()).map((quoted) => quoted.authorId)
      : [];

  switch (event.name) {
    case "posts.create":
      add(ids(data.mentionedUserIds), "mention");
      add(await quotedAuthors(ids(data.quotedPostIds)), "quote");
      add(await watchersOf(thread), post.number === 1 ? "new_thread" : "reply");
      break;
    case "posts.edit":
      if (actorId !== post.authorId.toString()) add([post.authorId], "moderation");
      add(ids(data.newMentionIds), "mention");
      add(await quotedAuthors(ids(data.newQuotedPostIds)), "quote");
      break;
    case "posts.delete":
      if (actorId !== post.authorId.toString()) add([post.authorId], "moderation");
      break;
    case "posts.react":
      add([post.authorId], "reaction");
      break;
  }
  return candidates;
}

const toObjectId = (value: mongoose.Types.ObjectId | string): mongoose.Types.ObjectId =>
  typeof value === "string" ? new mongoose.Types.ObjectId(value) : value;

async function notifyAbout(event: EventDocument, deliver: NotificationDelivery, logger: Logger): Promise<void> {
  const thread = await Thread.findById(event.threadId, { groupId: 1, categoryId: 1, title: 1 }).lean();
  if (!thread) return;
  const strongest = new Map<string, Candidate>();
  for (const candidate of await candidatesFor(event, thread)) {
    const key = candidate.userId.toString();
    if (key === event.actorId?.toString()) continue;
    const current = strongest.get(key);
    if (!current || PRIORITY.indexOf(candidate.kind) < PRIORITY.indexOf(current.kind)) strongest.set(key, candidate);
  }
  if (strongest.size === 0) return;

  const people = [...strongest.values()];
  const levels = await effectiveLevels(
    people.map((person) => person.userId),
    thread,
  );
  const users = await User.find(
    { _id: anyOf(people.map((person) => person.userId)) },
    { name: 1, email: 1, role: 1, status: 1, suspension: 1, consents: 1, restriction: 1 },
  ).lean();
  for (const user of users) {
    const candidate = strongest.get(user._id.toString());
    if (!candidate || isProcessingRestricted(user)) continue;
    // Muting silences a thread, but not what moderators did to the person's own post.
    if (levels.get(user._id.toString()) === "muted" && candidate.kind !== "moderation") continue;
    if (!(await mayReadThread(user, { groupId: thread.groupId ?? null }))) continue;
    const notification = await store(candidate, event, thread);
    deliver(notification);
    if (candidate.kind === "mention" && user.consents?.mentionEmails) {
      await sendMentionMail(user, event, thread, notification).catch((error: unknown) =>
        logger.error({ err: error, to: user.email }, "mention e-mail not sent"),
      );
    }
  }
}

/** Stores one notification; a reaction to a post already unread in the list is counted into it. */
async function store(candidate: Candidate, event: EventDocument, thread: ThreadFacts): Promise<NotificationDocument> {
  const reaction = candidate.kind === "reaction" ? String((event.data as { kind?: string }).kind ?? "") : null;
  if (candidate.kind === "reaction") {
    const collapsed = await Notification.findOneAndUpdate(
      { recipientId: candidate.userId, kind: "reaction", postId: event.subjectId, read: false },
      { $inc: { count: 1 }, $set: { actorId: event.actorId, reaction } },
      { returnDocument: "after" },
    ).lean();
    if (collapsed) return collapsed;
  }
  const created = await Notification.create({
    recipientId: candidate.userId,
    kind: candidate.kind,
    actorId: event.actorId,
    threadId: thread._id,
    postId: event.subjectId,
    reaction,
  });
  return created.toObject() as NotificationDocument;
}

export async function unsubscribeLinksFor(
  userId: mongoose.Types.ObjectId,
  kind: "digest" | "mentions",
): Promise<UnsubscribeLinks> {
  const token = await unsubscribeToken(userId, kind);
  return {
    page: mailer().link(mailLinks.unsubscribePage(token)),
    oneClick: mailer().link(mailLinks.unsubscribeOneClick(token)),
  };
}

async function sendMentionMail(
  user: { _id: mongoose.Types.ObjectId; email: string; name: string },
  event: EventDocument,
  thread: ThreadFacts,
  notification: NotificationDocument,
): Promise<void> {
  const actor = event.actorId ? await User.findById(event.actorId, { name: 1 }).lean() : null;
  await mailer().sendMail(
    mailTemplates.mention({
      to: user.email,
      name: user.name,
      actorName: actor?.name ?? "Ktoś",
      threadTitle: thread.title,
      link: mailer().link(mailLinks.post(thread._id.toString(), notification.postId?.toString() ?? null)),
      unsubscribe: await unsubscribeLinksFor(user._id, "mentions"),
    }),
  );
}
