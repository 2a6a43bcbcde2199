import mongoose from "mongoose";
import type { NotificationKind } from "@forum/shared";
import type { Logger } from "../logger.js";
import type { EventDocument } from "../models/Event.js";
import { Notification } from "../models/Notification.js";
import { Thread } from "../models/Thread.js";
import { User } from "../models/User.js";
import { anyOf } from "../db/anyOf.js";
import { eventBus } from "../infra/eventBus.js";
import { isProcessingRestricted } from "../domain/processingRestriction.js";
import type { NotificationDelivery } from "./notifier.js";
import { mayReadThread } from "../queries/threadReaders.js";

interface Notice {
  recipientIds: string[];
  kind: NotificationKind;
  postId: string;
  /** post_hidden: the reason; flag_outcome: the resolution (agree|disagree|ignore); moderator_message: the text. */
  message: string;
}

const text = (value: unknown): string => (typeof value === "string" ? value : "");
const ids = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : []);

function noticeOf(event: EventDocument): Notice | null {
  const data = (event.data ?? {}) as Record<string, unknown>;
  switch (event.name) {
    case "posts.hide":
      return {
        recipientIds: [text(data.authorId)],
        kind: "post_hidden",
        postId: event.subjectId.toString(),
        message: text(data.reason),
      };
    case "flags.resolve":
      return {
        recipientIds: ids(data.flaggerIds),
        kind: "flag_outcome",
        postId: event.subjectId.toString(),
        message: text(data.resolution),
      };
    case "users.message":
      return {
        recipientIds: [event.subjectId.toString()],
        kind: "moderator_message",
        postId: text(data.postId),
        message: text(data.text),
      };
    default:
      return null;
  }
}

/**
 * Moderation notices (a hidden post, a flag's outcome, a moderator's private message): always
 * delivered, even in muted threads, to people who may still read the thread.
 */
export function startModerationNotifier(options: { logger: Logger; deliver: NotificationDelivery }): () => void {
  return eventBus.subscribe((event) => {
    const notice = noticeOf(event);
    if (!notice || !event.threadId) return;
    deliverNotice(event, notice, options.deliver).catch((error: unknown) =>
      options.logger.error({ err: error, event: event.name }, "moderation notification failed"),
    );
  });
}

async function deliverNotice(event: EventDocument, notice: Notice, deliver: NotificationDelivery): Promise<void> {
  const thread = await Thread.findById(event.threadId, { groupId: 1 }).lean();
  const recipients = notice.recipientIds.filter((id) => mongoose.isObjectIdOrHexString(id));
  if (!thread || recipients.length === 0) return;
  const users = await User.find(
    { _id: anyOf(recipients) },
    { role: 1, status: 1, suspension: 1, restriction: 1 },
  ).lean();
  for (const user of users) {
    if (user._id.toString() === event.actorId?.toString() || isProcessingRestricted(user)) continue;
    if (!(await mayReadThread(user, { groupId: thread.groupId ?? null }))) continue;
    const created = await Notification.create({
      recipientId: user._id,
      kind: notice.kind,
      actorId: event.actorId,
      threadId: thread._id,
      postId: mongoose.isObjectIdOrHexString(notice.postId) ? notice.postId : null,
      message: notice.message,
    });
    deliver(created.toObject());
  }
}
