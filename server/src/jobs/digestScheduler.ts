import mongoose from "mongoose";
import type { Config } from "../config.js";
import { anyOf } from "../db/anyOf.js";
import { isDuplicateKeyError } from "../db/duplicateKey.js";
import type { Logger } from "../logger.js";
import { DigestState } from "../models/DigestState.js";
import { Notification } from "../models/Notification.js";
import { Thread } from "../models/Thread.js";
import { User, type UserDocument } from "../models/User.js";
import { presentNotifications } from "../presenters/notificationPresenter.js";
import { mailer } from "../infra/mailer.js";
import { mailLinks, mailTemplates } from "../infra/mailTemplates.js";
import { notificationLine } from "../domain/notificationText.js";
import { runPeriodically } from "./periodicTask.js";
import { UNRESTRICTED } from "../domain/processingRestriction.js";
import { unsubscribeLinksFor } from "../notifications/delivery.js";
import { mayReadThread } from "../queries/threadReaders.js";

const DAY_MS = 24 * 60 * 60 * 1000;
const PERIOD_MS = { daily: DAY_MS, weekly: 7 * DAY_MS } as const;
/** A digest lists at most this many notifications; the link to the page shows the rest. */
const DIGEST_ITEMS = 30;

type DigestConfig = Pick<Config, "DIGEST_CHECK_INTERVAL_MS" | "DIGEST_CLOCK_OFFSET_MS">;
type Subscriber = Pick<UserDocument, "_id" | "email" | "name" | "role" | "status" | "suspension" | "consents">;

export interface DigestScheduler {
  /** One pass over everyone who chose a digest; returns how many digests went out. */
  runOnce(): Promise<number>;
  stop(): void;
}

/**
 * Daily and weekly e-mail digests of unread notifications, checked on an interval inside the
 * server process. What each person has been sent up to is stored (DigestState), so restarts
 * neither skip nor repeat a digest.
 */
export function startDigestScheduler(options: { config: DigestConfig; logger: Logger }): DigestScheduler {
  const { config, logger } = options;
  const now = () => new Date(Date.now() + config.DIGEST_CLOCK_OFFSET_MS);

  async function runOnce(): Promise<number> {
    const subscribers = await User.find(
      { "consents.digest": anyOf(["daily", "weekly"]), status: "active", ...UNRESTRICTED },
      { email: 1, name: 1, role: 1, status: 1, suspension: 1, consents: 1 },
    ).lean();
    let sent = 0;
    for (const subscriber of subscribers) {
      try {
        if (await sendDueDigest(subscriber, now())) sent += 1;
      } catch (error) {
        logger.error({ err: error, to: subscriber.email }, "digest failed");
      }
    }
    return sent;
  }

  // A slow pass (many people, slow SMTP) is never overlapped by the next one.
  const schedule = runPeriodically({
    everyMs: config.DIGEST_CHECK_INTERVAL_MS,
    task: runOnce,
    logger,
    label: "digest pass",
  });

  return { runOnce, stop: schedule.stop };
}

/** Where this person's digest stands; someone new starts one period back, so the first digest is due now. */
async function stateOf(userId: mongoose.Types.ObjectId, start: Date) {
  const existing = await DigestState.findOne({ userId }).lean();
  if (existing) return existing;
  try {
    return (await DigestState.create({ userId, coveredUntil: start })).toObject();
  } catch (error) {
    if (!isDuplicateKeyError(error)) throw error;
    return DigestState.findOne({ userId }).lean();
  }
}

async function sendDueDigest(subscriber: Subscriber, now: Date): Promise<boolean> {
  const frequency = subscriber.consents?.digest;
  if (frequency !== "daily" && frequency !== "weekly") return false;
  const period = PERIOD_MS[frequency];
  const state = await stateOf(subscriber._id, new Date(now.getTime() - period));
  if (!state || now.getTime() - state.coveredUntil.getTime() < period) return false;

  // The claim: only the process that moves coveredUntil from the value it read sends this digest.
  const claimed = await DigestState.findOneAndUpdate(
    { userId: subscriber._id, coveredUntil: state.coveredUntil },
    { $set: { coveredUntil: now } },
    { returnDocument: "after" },
  ).lean();
  if (!claimed) return false;

  const unread = await Notification.find({
    recipientId: subscriber._id,
    read: false,
    createdAt: mongoose.trusted({ $gt: state.coveredUntil, $lte: now }),
  })
    .sort({ _id: -1 })
    .limit(DIGEST_ITEMS)
    .lean();
  const visible = await onlyReadable(subscriber, unread);
  if (visible.length === 0) return false;

  const views = await presentNotifications(visible);
  try {
    await mailer().sendMail(
      mailTemplates.digest({
        to: subscriber.email,
        name: subscriber.name,
        frequency,
        items: views.map((view) => ({
          line: notificationLine(view),
          link: mailer().link(mailLinks.notificationTarget(view.target, view.postId)),
        })),
        allLink: mailer().link(mailLinks.notifications),
        unsubscribe: await unsubscribeLinksFor(subscriber._id, "digest"),
      }),
    );
  } catch (error) {
    // Not sent: give the period back so the next pass tries again (still only one process can claim it).
    await DigestState.updateOne(
      { userId: subscriber._id, coveredUntil: now },
      { $set: { coveredUntil: state.coveredUntil } },
    );
    throw error;
  }
  await DigestState.updateOne({ userId: subscriber._id }, { $set: { lastSentAt: new Date() } });
  return true;
}

/** Access can end after a notification was made: a digest never mentions a thread the person cannot read now. */
/**
 * Thread notifications are re-checked (the person may have left the group since); notifications about a practice
 * or an analysis go only to people who could read it when it happened, and those documents do not narrow later.
 */
async function onlyReadable<Item extends { threadId?: mongoose.Types.ObjectId | null }>(
  subscriber: Subscriber,
  items: Item[],
): Promise<Item[]> {
  const threadIds = items.flatMap((item) => (item.threadId ? [item.threadId] : []));
  const threads = threadIds.length ? await Thread.find({ _id: anyOf(threadIds) }, { groupId: 1 }).lean() : [];
  const readable = new Set<string>();
  for (const thread of threads)
    if (await mayReadThread(subscriber, { groupId: thread.groupId ?? null })) readable.add(thread._id.toString());
  return items.filter((item) => !item.threadId || readable.has(item.threadId.toString()));
}
