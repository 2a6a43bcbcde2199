import type { NotificationPage } from "../index.js";
import { notificationListQuerySchema } from "../schemas/notify.js";
import { defineEndpoints, json, objectId } from "./endpoint.js";

const unreadCount = json<{ unreadCount: number }>();

/** The signed-in person's own notifications. */
export const notificationEndpoints = defineEndpoints("Powiadomienia", {
  list: {
    method: "get",
    path: "/notifications",
    summary: "Moje powiadomienia",
    signedIn: true,
    query: notificationListQuerySchema,
    response: json<NotificationPage>(),
  },
  unreadCount: {
    method: "get",
    path: "/notifications/unread-count",
    summary: "Liczba nieprzeczytanych powiadomień",
    signedIn: true,
    response: unreadCount,
  },
  markRead: {
    method: "post",
    path: "/notifications/:id/read",
    summary: "Oznaczenie powiadomienia jako przeczytane",
    signedIn: true,
    params: { id: objectId },
    response: unreadCount,
  },
  markAllRead: {
    method: "post",
    path: "/notifications/read-all",
    summary: "Oznaczenie wszystkich powiadomień jako przeczytane",
    signedIn: true,
    response: unreadCount,
  },
});
