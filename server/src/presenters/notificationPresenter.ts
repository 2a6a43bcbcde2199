import type { NotificationView } from "@forum/shared";
import { anyOf } from "../db/anyOf.js";
import { Analysis } from "../models/Analysis.js";
import type { NotificationDocument } from "../models/Notification.js";
import { Practice } from "../models/Practice.js";
import { Thread } from "../models/Thread.js";
import { User } from "../models/User.js";

const idsOf = (notifications: NotificationDocument[], pick: (item: NotificationDocument) => unknown) =>
  notifications.flatMap((item) => {
    const id = pick(item);
    return id ? [id] : [];
  });

async function titlesOf(
  model: typeof Thread | typeof Practice | typeof Analysis,
  ids: unknown[],
): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  // The three models share `title`; typing the union's find() call is not worth the casts.
  const found = (await (model as typeof Thread).find({ _id: anyOf(ids) }, { title: 1 }).lean()) as {
    _id: { toString(): string };
    title: string;
  }[];
  return new Map(found.map((item) => [item._id.toString(), item.title]));
}

/** Notifications as their recipient sees them; names and titles in a few queries. */
export async function presentNotifications(notifications: NotificationDocument[]): Promise<NotificationView[]> {
  const ofKind = (kind: string) =>
    idsOf(notifications, (item) => (item.documentKind === kind ? item.documentId : null));
  const [actors, threads, practices, analyses] = await Promise.all([
    User.find({ _id: anyOf(idsOf(notifications, (item) => item.actorId)) }, { name: 1 }).lean(),
    titlesOf(
      Thread,
      idsOf(notifications, (item) => item.threadId),
    ),
    titlesOf(Practice, ofKind("practice")),
    titlesOf(Analysis, ofKind("analysis")),
  ]);
  const actorNames = new Map(actors.map((actor) => [actor._id.toString(), actor.name]));
  const targetOf = (item: NotificationDocument): NotificationView["target"] => {
    if (item.documentKind && item.documentId) {
      const id = item.documentId.toString();
      const titles = item.documentKind === "practice" ? practices : analyses;
      return { kind: item.documentKind, id, title: titles.get(id) ?? "" };
    }
    const id = item.threadId?.toString() ?? "";
    return { kind: "thread", id, title: threads.get(id) ?? "" };
  };
  return notifications.map((item) => ({
    id: item._id.toString(),
    kind: item.kind,
    actor: item.actorId
      ? { id: item.actorId.toString(), name: actorNames.get(item.actorId.toString()) ?? "Nieznana osoba" }
      : null,
    target: targetOf(item),
    postId: item.postId ? item.postId.toString() : null,
    count: item.count,
    reaction: item.reaction ?? null,
    message: item.message ?? null,
    read: item.read,
    createdAt: item.createdAt.toISOString(),
  }));
}
