import type mongoose from "mongoose";
import type { Logger } from "../logger.js";
import { Notification, type NotificationDocument } from "../models/Notification.js";
import { User } from "../models/User.js";
import { mailer } from "../infra/mailer.js";
import { mailLinks, mailTemplates, type UnsubscribeLinks } from "../infra/mailTemplates.js";
import { unsubscribeToken } from "../infra/unsubscribeTokens.js";
import type { PublishedEvent } from "../events/forumEvent.js";
import type { Recipient } from "./recipientFilter.js";

/** What happens to a notification once stored: the live push (realtime/notificationPush.ts). */
export type NotificationPush = (notification: NotificationDocument) => void;

/**
 * The one way a notification reaches its recipient, whatever its kind: the in-app row (the bell, the list and,
 * later, the digest: jobs/digestScheduler.ts mails the unread rows to whoever chose a daily or weekly digest), the
 * live push to their open tabs, and an e-mail at once where they asked for one (mentions).
 */
export async function deliverNotification(
  event: PublishedEvent,
  recipient: Recipient,
  push: NotificationPush,
  logger: Logger,
): Promise<void> {
  const notification = await storeNotification(event, recipient);
  push(notification);
  if (wantsMailNow(recipient)) {
    await sendMentionMail(event, recipient, notification).catch((error: unknown) =>
      logger.error({ err: error, to: recipient.person.email }, "mention e-mail not sent"),
    );
  }
}

/** The person's e-mail preference: mentions may be mailed at once; everything else waits for the digest. */
const wantsMailNow = (recipient: Recipient): boolean =>
  recipient.candidate.rule.kind === "mention" && Boolean(recipient.person.consents?.mentionEmails);

/** Stores one notification; a reaction to a post already unread in the list is counted into it. */
async function storeNotification(event: PublishedEvent, recipient: Recipient): Promise<NotificationDocument> {
  const { candidate } = recipient;
  const { topic } = candidate;
  const kind = candidate.rule.kind;
  if (kind === "reaction" && topic.kind === "thread") {
    const collapsed = await Notification.findOneAndUpdate(
      { recipientId: candidate.userId, kind: "reaction", postId: topic.postId, read: false },
      { $inc: { count: 1 }, $set: { actorId: event.actorId, reaction: candidate.reaction } },
      { returnDocument: "after" },
    ).lean();
    if (collapsed) return collapsed;
  }
  const created = await Notification.create({
    recipientId: candidate.userId,
    kind,
    actorId: event.actorId,
    ...(topic.kind === "thread"
      ? { threadId: topic.thread._id, postId: topic.postId }
      : { documentKind: topic.kind, documentId: topic.id }),
    reaction: candidate.reaction,
    message: candidate.message,
  });
  return created.toObject() as NotificationDocument;
}

/** The links of a notification e-mail that stop it: the page, and the one-click header (RFC 8058). */
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
  event: PublishedEvent,
  recipient: Recipient,
  notification: NotificationDocument,
): Promise<void> {
  const { topic } = recipient.candidate;
  if (topic.kind !== "thread") return;
  const { person } = recipient;
  const actor = event.actorId ? await User.findById(event.actorId, { name: 1 }).lean() : null;
  await mailer().sendMail(
    mailTemplates.mention({
      to: person.email,
      name: person.name,
      actorName: actor?.name ?? "Ktoś",
      threadTitle: topic.thread.title,
      link: mailer().link(mailLinks.post(topic.thread._id.toString(), notification.postId?.toString() ?? null)),
      unsubscribe: await unsubscribeLinksFor(person._id, "mentions"),
    }),
  );
}
