import mongoose from "mongoose";
import { finishPost } from "../commands/support/postWrites.js";
import { finishThread, undoOrphanFirstPost } from "../commands/support/threadWrites.js";
import type { Logger } from "../logger.js";
import { PendingWrite, type PendingWriteDocument } from "../models/PendingWrite.js";
import { Post } from "../models/Post.js";
import { Thread } from "../models/Thread.js";
import { FOREIGN_WRITE_GRACE_MS, isInFlight, PROCESS_ID } from "../infra/pendingWrites.js";
import { runPeriodically, type PeriodicTask } from "./periodicTask.js";

/** How often abandoned writes are looked for (also at start and when the database returns). */
export const RECOVERY_INTERVAL_MS = 10_000;

export type RecoveryOutcome = "finished" | "undone" | "nothing stored";

/** Sets a thread's post count and last-post time from its posts: a crash may have left either behind. */
async function recountThreadStats(threadId: mongoose.Types.ObjectId): Promise<void> {
  const [postCount, newest] = await Promise.all([
    Post.countDocuments({ threadId }),
    Post.findOne({ threadId }, { createdAt: 1 }).sort({ createdAt: -1 }).lean(),
  ]);
  await Thread.updateOne(
    { _id: threadId },
    { $set: { postCount, ...(newest ? { lastPostAt: newest.createdAt } : {}) } },
  );
}

/** Finishes (or, for a thread whose first post has no thread, undoes) one abandoned write. */
async function recoverOne(pending: PendingWriteDocument): Promise<RecoveryOutcome> {
  const post = await Post.findOne({
    authorId: pending.authorId,
    clientId: pending.clientId,
    threadId: pending.threadId,
  }).lean();
  const thread = post ? await Thread.findById(pending.threadId).lean() : null;
  if (!post) return "nothing stored";
  if (!thread) {
    if (pending.kind !== "thread") return "nothing stored";
    await undoOrphanFirstPost(post);
    return "undone";
  }
  if (pending.kind === "thread") {
    await finishThread({ thread, firstPost: post, context: undefined, recovering: true });
  } else {
    await recountThreadStats(thread._id);
    const counted = (await Thread.findById(thread._id).lean()) ?? thread;
    await finishPost({ post, thread: counted, context: undefined, recovering: true });
  }
  return "finished";
}

const isAbandoned = (pending: PendingWriteDocument, now: number): boolean =>
  pending.ownerId === PROCESS_ID
    ? !isInFlight(pending._id)
    : now - pending.startedAt.getTime() >= FOREIGN_WRITE_GRACE_MS;

export interface RecoveryPass {
  /** How many abandoned writes were finished or undone. */
  handled: number;
  /** When the oldest write left alone (another process's, still young) will count as abandoned. */
  nextDueAt: number | null;
}

/**
 * One pass over the pending writes: those nobody is working on any more are finished or
 * undone, and each repair is logged.
 */
export async function recoverPendingWrites(logger: Logger): Promise<RecoveryPass> {
  const now = Date.now();
  const pendings = await PendingWrite.find({}).sort({ startedAt: 1 }).limit(200).lean();
  let handled = 0;
  let nextDueAt: number | null = null;
  for (const pending of pendings) {
    if (!isAbandoned(pending, now)) {
      if (pending.ownerId !== PROCESS_ID)
        nextDueAt = Math.min(nextDueAt ?? Infinity, pending.startedAt.getTime() + FOREIGN_WRITE_GRACE_MS);
      continue;
    }
    const outcome = await recoverOne(pending);
    await PendingWrite.deleteOne({ _id: pending._id });
    handled += 1;
    logger.warn(
      { kind: pending.kind, threadId: pending.threadId.toString(), clientId: pending.clientId, outcome },
      "recovered an interrupted write",
    );
  }
  return { handled, nextDueAt };
}

/**
 * Runs the recovery pass now, every RECOVERY_INTERVAL_MS, whenever the database comes back,
 * and as soon as another process's write left alone becomes old enough to take over. A failed
 * pass is logged and the next one tries again (jobs/periodicTask.ts).
 */
export function startWriteRecovery(logger: Logger): () => void {
  let dueTimer: NodeJS.Timeout | null = null;
  const recovery: PeriodicTask = runPeriodically({
    everyMs: RECOVERY_INTERVAL_MS,
    firstInMs: 0,
    logger,
    label: "write recovery pass",
    task: async () => {
      const { nextDueAt } = await recoverPendingWrites(logger);
      if (nextDueAt === null || dueTimer) return;
      dueTimer = setTimeout(
        () => {
          dueTimer = null;
          recovery.runNow();
        },
        Math.max(0, nextDueAt - Date.now()) + 100,
      );
      dueTimer.unref();
    },
  });
  const onReconnected = () => recovery.runNow();
  mongoose.connection.on("reconnected", onReconnected);
  return () => {
    recovery.stop();
    if (dueTimer) clearTimeout(dueTimer);
    mongoose.connection.off("reconnected", onReconnected);
  };
}
