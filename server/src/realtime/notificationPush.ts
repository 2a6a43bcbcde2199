import type { Logger } from "../logger.js";
import { Notification, type NotificationDocument } from "../models/Notification.js";
import { presentNotifications } from "../presenters/notificationPresenter.js";
import { eventBus } from "../infra/eventBus.js";
import { userRoom } from "./rooms.js";
import type { ForumIo } from "./socketServer.js";

export const unreadCountOf = (recipientId: string) => Notification.countDocuments({ recipientId, read: false });

/** Pushes a stored notification, with the new unread count, to its recipient's own room only. */
export function pushNotification(io: ForumIo, logger: Logger, notification: NotificationDocument): void {
  const recipientId = notification.recipientId.toString();
  Promise.all([presentNotifications([notification]), unreadCountOf(recipientId)])
    .then(([[view], unreadCount]) => {
      if (view) io.to(userRoom(recipientId)).emit("notification.created", { notification: view, unreadCount });
    })
    .catch((error: unknown) => logger.error({ err: error }, "notification push failed"));
}

/** Marking read in one tab updates the bell in the others. */
export function startReadPush(io: ForumIo, logger: Logger): () => void {
  return eventBus.subscribe((event) => {
    if (event.name !== "notifications.read") return;
    const userId = event.subjectId.toString();
    unreadCountOf(userId)
      .then((unreadCount) => io.to(userRoom(userId)).emit("notification.read", { unreadCount }))
      .catch((error: unknown) => logger.error({ err: error }, "notification read push failed"));
  });
}
