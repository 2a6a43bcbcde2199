import type { NotificationView } from "@forum/shared/notifications";

type Translate = (key: string, options?: { values: Record<string, string | number> }) => string;

/** "Anna Kowalska wspomina o Tobie w wątku „…”": one sentence, used as the link text and the announcement. */
export function notificationText(notification: NotificationView, t: Translate): string {
  return t(`notify.kind.${notification.kind}`, {
    values: {
      actor: notification.actor?.name ?? t("notify.someone"),
      thread: notification.thread.title,
      count: notification.count,
    },
  });
}
