import { writable } from "svelte/store";
import type { NotificationView } from "@forum/shared/notifications";
import { callEndpoint, endpoints } from "./endpoints";
import { followNotifications } from "./realtime";

/** The signed-in person's unread notifications; null while unknown (signed out, not loaded yet). */
export const unreadCount = writable<number | null>(null);

type Listener = (notification: NotificationView) => void;
const arrivals = new Set<Listener>();

/** Notifications pushed while a page shows the list (the notifications page adds them on top). */
export function onNotification(listener: Listener): () => void {
  arrivals.add(listener);
  return () => arrivals.delete(listener);
}

async function refreshCount(): Promise<void> {
  try {
    const { unreadCount: count } = await callEndpoint(endpoints.notifications.unreadCount);
    unreadCount.set(count);
  } catch {
    // Offline or signed out meanwhile: the bell shows no number rather than a wrong one.
  }
}

/**
 * Keeps the bell's number current for as long as someone is signed in: once from the API,
 * then from pushes to the person's own room. `announce` reads each new one out politely.
 */
export function startNotificationFeed(announceNew: (notification: NotificationView) => void): () => void {
  void refreshCount();
  const stop = followNotifications({
    onCreated: ({ notification, unreadCount: count }) => {
      unreadCount.set(count);
      announceNew(notification);
      for (const listener of arrivals) listener(notification);
    },
    onRead: ({ unreadCount: count }) => unreadCount.set(count),
    onReconnect: () => void refreshCount(),
  });
  return () => {
    stop();
    unreadCount.set(null);
  };
}

/** Marks one notification read; the server answers with the new count. */
export async function markRead(id: string): Promise<void> {
  const { unreadCount: count } = await callEndpoint(endpoints.notifications.markRead, { params: { id } });
  unreadCount.set(count);
}

export async function markAllRead(): Promise<void> {
  await callEndpoint(endpoints.notifications.markAllRead);
  unreadCount.set(0);
}
