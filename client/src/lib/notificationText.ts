import type { NotificationView } from "@forum/shared/notifications";

const MODERATION_KINDS = new Set<string>(["post_hidden", "flag_outcome", "moderator_message"]);

type Translate = (key: string, options?: { values: Record<string, string | number> }) => string;

/** "Anna Kowalska wspomina o Tobie w wątku „…”": one sentence, used as the link text and the announcement. */
export function notificationText(notification: NotificationView, t: Translate): string {
  // Moderation notices carry a text of their own (see flags.*.json).
  if (MODERATION_KINDS.has(notification.kind)) {
    const message = notification.message ?? "";
    return t(`flags.notify.${notification.kind}`, {
      values: {
        actor: notification.actor?.name ?? t("notify.someone"),
        thread: notification.target.title,
        message,
        outcome: notification.kind === "flag_outcome" ? t(`flags.outcome.${message}`) : "",
      },
    });
  }
  return t(`notify.kind.${notification.kind}`, {
    values: {
      actor: notification.actor?.name ?? t("notify.someone"),
      thread: notification.target.title,
      count: notification.count,
      message: notification.message ?? "",
    },
  });
}
