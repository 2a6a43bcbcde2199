import mongoose from "mongoose";
import type { Logger } from "../logger.js";
import type { EventDocument } from "../models/Event.js";
import { Notification } from "../models/Notification.js";
import { User } from "../models/User.js";
import { eventBus } from "../infra/eventBus.js";
import { isProcessingRestricted } from "../domain/processingRestriction.js";
import type { NotificationDelivery } from "./notifier.js";

/** Tells an analysis's author that a member commented on one of its sections (never about their own comments). */
export function startAnalysisCommentNotifier(options: { logger: Logger; deliver: NotificationDelivery }): () => void {
  return eventBus.subscribe((event) => {
    if (event.name !== "analysisComments.create") return;
    notifyAuthor(event, options.deliver).catch((error: unknown) =>
      options.logger.error({ err: error, event: event.name }, "analysis comment notification failed"),
    );
  });
}

async function notifyAuthor(event: EventDocument, deliver: NotificationDelivery): Promise<void> {
  const data = (event.data ?? {}) as Record<string, unknown>;
  const authorId = String(data.analysisAuthorId ?? "");
  const analysisId = String(data.analysisId ?? "");
  if (!mongoose.isObjectIdOrHexString(authorId) || !mongoose.isObjectIdOrHexString(analysisId)) return;
  if (authorId === event.actorId?.toString()) return;
  const author = await User.findById(authorId, { status: 1, restriction: 1 }).lean();
  if (!author || author.status !== "active" || isProcessingRestricted(author)) return;
  const created = await Notification.create({
    recipientId: author._id,
    kind: "analysis_comment",
    actorId: event.actorId,
    documentKind: "analysis",
    documentId: analysisId,
    message: typeof data.heading === "string" ? data.heading : "",
  });
  deliver(created.toObject());
}
