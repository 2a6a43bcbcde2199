import type { NotificationView } from "@forum/shared";
import { anyOf } from "../db/anyOf.js";
import type { NotificationDocument } from "../models/Notification.js";
import { Thread } from "../models/Thread.js";
import { User } from "../models/User.js";

/** Notifications as their recipient sees them; names and titles in two queries. */
export async function presentNotifications(notifications: NotificationDocument[]): Promise<NotificationView[]> {
  const [actors, threads] = await Promise.all([
    User.find(
      { _id: anyOf(notifications.flatMap((item) => (item.actorId ? [item.actorId] : []))) },
      { name: 1 },
    ).lean(),
    Thread.find({ _id: anyOf(notifications.map((item) => item.threadId)) }, { title: 1 }).lean(),
  ]);
  const actorNames = new Map(actors.map((actor) => [actor._id.toString(), actor.name]));
  const titles = new Map(threads.map((thread) => [thread._id.toString(), thread.title]));
  return notifications.map((item) => ({
    id: item._id.toString(),
    kind: item.kind,
    actor: item.actorId
      ? { id: item.actorId.toString(), name: actorNames.get(item.actorId.toString()) ?? "Nieznana osoba" }
      : null,
    thread: { id: item.threadId.toString(), title: titles.get(item.threadId.toString()) ?? "" },
    postId: item.postId ? item.postId.toString() : null,
    count: item.count,
    reaction: item.reaction ?? null,
    message: item.message ?? null,
    read: item.read,
    createdAt: item.createdAt.toISOString(),
  }));
}
