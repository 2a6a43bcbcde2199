import mongoose from "mongoose";
import type { Role } from "@forum/shared";
import type { Logger } from "../logger.js";
import type { EventDocument } from "../models/Event.js";
import { Notification } from "../models/Notification.js";
import { User } from "../models/User.js";
import { anyOf } from "../db/anyOf.js";
import { eventBus } from "../infra/eventBus.js";
import type { NotificationDelivery } from "./notifier.js";
import { restrictedAmong } from "../domain/processingRestriction.js";

/** What the author is told (`practice_status`), completing "Pani/Pana dobra praktyka „…”: …". */
const STATUS_MESSAGES: Record<string, string> = {
  "practices.startReview": "została przyjęta do recenzji przez eksperta",
  "practices.return": "została zwrócona do poprawy z uwagami eksperta",
  "practices.review": "otrzymała pozytywną opinię eksperta i czeka na publikację",
  "practices.publish": "została opublikowana w bibliotece",
  "practices.unpublish": "została wycofana z biblioteki przez moderację",
};

const REVIEWER_ROLES: Role[] = ["expert", "moderator", "admin"];

async function recipientsOf(event: EventDocument): Promise<mongoose.Types.ObjectId[]> {
  const data = (event.data ?? {}) as Record<string, unknown>;
  if (event.name === "practices.submit") {
    const reviewers = await User.find({ role: anyOf(REVIEWER_ROLES), status: "active" }, { _id: 1 }).lean();
    return reviewers.map((user) => user._id);
  }
  const authorId = typeof data.authorId === "string" ? data.authorId : "";
  return mongoose.isObjectIdOrHexString(authorId) ? [new mongoose.Types.ObjectId(authorId)] : [];
}

/**
 * Practice lifecycle notices: experts and moderators hear of a submitted practice; its author of a review, a return,
 * a publication or a withdrawal. Never the person who acted.
 */
export function startPracticeNotifier(options: { logger: Logger; deliver: NotificationDelivery }): () => void {
  return eventBus.subscribe((event) => {
    if (event.name !== "practices.submit" && !STATUS_MESSAGES[event.name]) return;
    notify(event, options.deliver).catch((error: unknown) =>
      options.logger.error({ err: error, event: event.name }, "practice notification failed"),
    );
  });
}

async function notify(event: EventDocument, deliver: NotificationDelivery): Promise<void> {
  const actorId = event.actorId?.toString();
  const candidates = await recipientsOf(event);
  const restricted = await restrictedAmong(candidates);
  const recipients = candidates.filter((id) => id.toString() !== actorId && !restricted.has(id.toString()));
  for (const recipientId of recipients) {
    const created = await Notification.create({
      recipientId,
      kind: event.name === "practices.submit" ? "practice_review_request" : "practice_status",
      actorId: event.actorId,
      documentKind: "practice",
      documentId: event.subjectId,
      message: STATUS_MESSAGES[event.name] ?? null,
    });
    deliver(created.toObject());
  }
}
