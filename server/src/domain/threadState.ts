import type mongoose from "mongoose";
import type { ThreadLockView, ThreadPinView, ThreadStateView } from "@forum/shared";
import { AppError, conflict } from "../errors/AppError.js";
import { greaterThan } from "../db/comparisons.js";
import { Post } from "../models/Post.js";
import type { ThreadDocument } from "../models/Thread.js";
import { can, type Actor } from "../policies/index.js";

/** The thread fields the moderation state is made of (lean documents carry them, or null/undefined when older). */
export type ThreadStateFields = Partial<
  Pick<ThreadDocument, "pin" | "lock" | "closesAt" | "closeReason" | "slowModeSeconds">
>;

/** Polish date and time in the forum's time zone, as shown in "Wątek zamknięty <data>". */
export const formatForumDate = (date: Date): string =>
  date.toLocaleString("pl-PL", { timeZone: "Europe/Warsaw", dateStyle: "long", timeStyle: "short" });

/** The pin still in force at `now` (an end date in the past means it is no longer pinned). */
export function activePin(thread: ThreadStateFields, now = new Date()): ThreadPinView | null {
  const pin = thread.pin;
  if (!pin) return null;
  if (pin.until && pin.until.getTime() <= now.getTime()) return null;
  return { scope: pin.scope, until: pin.until ? pin.until.toISOString() : null };
}

/** Why the thread takes no replies at `now`: a moderator's lock, or its closing date having passed. */
export function effectiveLock(thread: ThreadStateFields, now = new Date()): ThreadLockView | null {
  if (thread.lock) return { reason: thread.lock.reason, closed: false, at: thread.lock.at.toISOString() };
  if (thread.closesAt && thread.closesAt.getTime() <= now.getTime()) {
    const reason = thread.closeReason || `Wątek zamknięty ${formatForumDate(thread.closesAt)}`;
    return { reason, closed: true, at: thread.closesAt.toISOString() };
  }
  return null;
}

export function presentThreadState(thread: ThreadStateFields, now = new Date()): ThreadStateView {
  const lock = effectiveLock(thread, now);
  return {
    pin: activePin(thread, now),
    lock,
    closesAt: thread.closesAt && !lock?.closed ? thread.closesAt.toISOString() : null,
    slowModeSeconds: thread.slowModeSeconds ?? 0,
  };
}

/** Locked or closed for this person (moderators write anyway). */
export const lockedFor = (actor: Actor, thread: ThreadStateFields & { groupId?: mongoose.Types.ObjectId | null }) =>
  !can(actor, "bypassLock", "Thread", thread) && effectiveLock(thread) !== null;

/** 429 with the whole sentence (the composer shows the message as it is). */
const tooFast = (message: string) => new AppError(429, "slow_mode", message);

/**
 * Refuses a reply the thread's state does not allow: locked or closed (409), or sooner than slow
 * mode lets this person post again (429, saying how long to wait). Moderators are exempt.
 */
export async function assertAcceptsReply(
  actor: Actor,
  thread: ThreadStateFields & { _id: mongoose.Types.ObjectId; groupId?: mongoose.Types.ObjectId | null },
  authorId: mongoose.Types.ObjectId,
  now = new Date(),
): Promise<void> {
  if (can(actor, "bypassLock", "Thread", thread)) return;
  const lock = effectiveLock(thread, now);
  if (lock) throw conflict(`Ten wątek jest zamknięty dla nowych odpowiedzi. Powód: ${lock.reason}`);
  const seconds = thread.slowModeSeconds ?? 0;
  if (seconds <= 0) return;
  const windowStart = new Date(now.getTime() - seconds * 1000);
  const latest = await Post.findOne(
    { threadId: thread._id, createdAt: greaterThan(windowStart), authorId },
    { createdAt: 1 },
  )
    .sort({ createdAt: -1 })
    .lean();
  if (!latest) return;
  const wait = Math.max(1, Math.ceil((latest.createdAt.getTime() + seconds * 1000 - now.getTime()) / 1000));
  throw tooFast(
    `W tym wątku działa tryb powolny: jeden wpis na ${seconds} s. Możesz odpowiedzieć ponownie za ${wait} s.`,
  );
}
