import { Router } from "express";
import mongoose from "mongoose";
import { notificationListQuerySchema, type NotificationPage } from "@forum/shared";
import { notificationsMarker } from "../commands/notificationsMarker.js";
import { notFound, unauthorized } from "../errors/AppError.js";
import { parseInput, parseObjectId } from "../http/validation.js";
import { Notification } from "../models/Notification.js";
import { presentNotifications } from "../presenters/notificationPresenter.js";
import { unreadCountOf } from "../realtime/notificationPush.js";

/** The signed-in person's own notifications; nobody sees anyone else's. */
export function notificationRoutes(): Router {
  const router = Router();

  router.get("/notifications", async (req, res) => {
    if (!req.actor || !req.user) throw unauthorized();
    const { before, limit } = parseInput(notificationListQuerySchema, req.query);
    const filter = before
      ? { recipientId: req.user._id, _id: mongoose.trusted({ $lt: new mongoose.Types.ObjectId(before) }) }
      : { recipientId: req.user._id };
    const found = await Notification.find(filter)
      .sort({ _id: -1 })
      .limit(limit + 1)
      .lean();
    const page = found.slice(0, limit);
    const body: NotificationPage = {
      notifications: await presentNotifications(page),
      unreadCount: await unreadCountOf(req.user._id.toString()),
      nextCursor: found.length > limit ? (page.at(-1)?._id.toString() ?? null) : null,
    };
    res.json(body);
  });

  router.get("/notifications/unread-count", async (req, res) => {
    if (!req.actor || !req.user) throw unauthorized();
    res.json({ unreadCount: await unreadCountOf(req.user._id.toString()) });
  });

  router.post("/notifications/:id/read", async (req, res) => {
    if (!req.actor || !req.user) throw unauthorized();
    const id = parseObjectId(req.params.id);
    // Someone else's notification answers like a missing one.
    if (!(await Notification.exists({ _id: id, recipientId: req.user._id }))) throw notFound();
    await notificationsMarker({ userId: req.user._id, notificationId: id, context: req.context });
    res.json({ unreadCount: await unreadCountOf(req.user._id.toString()) });
  });

  router.post("/notifications/read-all", async (req, res) => {
    if (!req.actor || !req.user) throw unauthorized();
    await notificationsMarker({ userId: req.user._id, context: req.context });
    res.json({ unreadCount: 0 });
  });

  return router;
}
