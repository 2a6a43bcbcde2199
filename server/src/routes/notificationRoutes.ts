import { Router } from "express";
import mongoose from "mongoose";
import { endpoints, type NotificationPage } from "@forum/shared";
import { notificationsMarker } from "../commands/notificationsMarker.js";
import { notFound } from "../errors/AppError.js";
import { route } from "../http/declareRoute.js";
import { Notification } from "../models/Notification.js";
import { presentNotifications } from "../presenters/notificationPresenter.js";
import { unreadCountOf } from "../realtime/notificationPush.js";

/** The signed-in person's own notifications; nobody sees anyone else's. */
export function notificationRoutes(): Router {
  const router = Router();

  route(router, endpoints.notifications.list, async ({ user, query }): Promise<NotificationPage> => {
    const { before, limit } = query();
    const filter = before
      ? { recipientId: user._id, _id: mongoose.trusted({ $lt: new mongoose.Types.ObjectId(before) }) }
      : { recipientId: user._id };
    const found = await Notification.find(filter)
      .sort({ _id: -1 })
      .limit(limit + 1)
      .lean();
    const page = found.slice(0, limit);
    return {
      notifications: await presentNotifications(page),
      unreadCount: await unreadCountOf(user._id.toString()),
      nextCursor: found.length > limit ? (page.at(-1)?._id.toString() ?? null) : null,
    };
  });

  route(router, endpoints.notifications.unreadCount, async ({ user }) => ({
    unreadCount: await unreadCountOf(user._id.toString()),
  }));

  route(router, endpoints.notifications.markRead, async ({ user, params, context }) => {
    // Someone else's notification answers like a missing one.
    if (!(await Notification.exists({ _id: params.id, recipientId: user._id }))) throw notFound();
    await notificationsMarker({ userId: user._id, notificationId: params.id, context });
    return { unreadCount: await unreadCountOf(user._id.toString()) };
  });

  route(router, endpoints.notifications.markAllRead, async ({ user, context }) => {
    await notificationsMarker({ userId: user._id, context });
    return { unreadCount: 0 };
  });

  return router;
}
