import type { Logger } from "../logger.js";
import { eventBus } from "../infra/eventBus.js";
import { dispatchEvent, handles } from "../events/eventHandlers.js";
import type { PublishedEvent } from "../events/forumEvent.js";
import { deliverNotification, type NotificationPush } from "../notifications/delivery.js";
import { eventFacts, type NotificationRule } from "../notifications/notificationRule.js";
import { NOTIFICATION_RULES } from "../notifications/notificationRules.js";
import { filterRecipients, type Candidate } from "../notifications/recipientFilter.js";

/**
 * Turns recorded events into notifications, one pipeline for every kind: the rules say who should hear of the
 * event and why (notifications/notificationRules.ts), one filter decides who may and wants to hear of it now
 * (recipientFilter.ts), one delivery stores, pushes and mails it (delivery.ts). Runs after the change is stored,
 * never inside a request.
 */
export function startNotifier(options: {
  logger: Logger;
  deliver: NotificationPush;
  /** Every kind unless a test narrows it to some. */
  rules?: readonly NotificationRule[];
}): () => void {
  const { logger, deliver, rules = NOTIFICATION_RULES } = options;
  return eventBus.subscribe((event) => {
    if (!rules.some((rule) => handles(rule.on, event))) return;
    notifyAbout(event, rules, deliver, logger).catch((error: unknown) =>
      logger.error({ err: error, event: event.name }, "notifications failed"),
    );
  });
}

/** Each rule's listeners for the event; one person, one notification: the strongest rule's (the first listed). */
async function candidatesFor(event: PublishedEvent, rules: readonly NotificationRule[]): Promise<Candidate[]> {
  const facts = eventFacts(event);
  const strongest = new Map<string, Candidate>();
  for (const rule of rules) {
    const audience = await dispatchEvent(rule.on, event.name, event, facts);
    if (!audience) continue;
    for (const listener of audience.listeners) {
      const key = listener.userId.toString();
      if (strongest.has(key)) continue;
      strongest.set(key, {
        userId: listener.userId,
        rule,
        topic: audience.topic,
        message: listener.message ?? audience.message ?? null,
        reaction: audience.reaction ?? null,
      });
    }
  }
  return [...strongest.values()];
}

async function notifyAbout(
  event: PublishedEvent,
  rules: readonly NotificationRule[],
  deliver: NotificationPush,
  logger: Logger,
): Promise<void> {
  const recipients = await filterRecipients(event, await candidatesFor(event, rules));
  for (const recipient of recipients) await deliverNotification(event, recipient, deliver, logger);
}
