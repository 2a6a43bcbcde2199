import type mongoose from "mongoose";
import type { WatchLevel } from "@forum/shared";
import { anyOf } from "../db/anyOf.js";
import { isDuplicateKeyError } from "../db/duplicateKey.js";
import { Watch, type WatchTarget } from "../models/Watch.js";

/** The level a person chose for one thread or category; null when they never chose. */
export async function watchLevelOf(
  userId: mongoose.Types.ObjectId | string,
  targetType: WatchTarget,
  targetId: mongoose.Types.ObjectId,
): Promise<WatchLevel | null> {
  const watch = await Watch.findOne({ userId, targetType, targetId }, { level: 1 }).lean();
  return watch?.level ?? null;
}

/**
 * Each person's effective level in a thread: their level of the thread, else of its category,
 * else none. Asked for the people an event could notify.
 */
export async function effectiveLevels(
  userIds: readonly mongoose.Types.ObjectId[],
  thread: { _id: mongoose.Types.ObjectId; categoryId: mongoose.Types.ObjectId },
): Promise<Map<string, WatchLevel>> {
  if (userIds.length === 0) return new Map();
  const watches = await Watch.find(
    {
      userId: anyOf(userIds),
      targetId: anyOf([thread._id, thread.categoryId]),
    },
    { userId: 1, targetType: 1, level: 1 },
  ).lean();
  const levels = new Map<string, WatchLevel>();
  for (const watch of watches.filter((candidate) => candidate.targetType === "category"))
    levels.set(watch.userId.toString(), watch.level);
  for (const watch of watches.filter((candidate) => candidate.targetType === "thread"))
    levels.set(watch.userId.toString(), watch.level);
  return levels;
}

/** People watching the thread itself, or its category without a level of their own for the thread. */
export async function watchersOf(thread: {
  _id: mongoose.Types.ObjectId;
  categoryId: mongoose.Types.ObjectId;
}): Promise<mongoose.Types.ObjectId[]> {
  const watches = await Watch.find(
    { targetId: anyOf([thread._id, thread.categoryId]), level: "watching" },
    { userId: 1 },
  ).lean();
  const candidates = [...new Map(watches.map((watch) => [watch.userId.toString(), watch.userId])).values()];
  const levels = await effectiveLevels(candidates, thread);
  return candidates.filter((userId) => levels.get(userId.toString()) === "watching");
}

/** Sets a level only when the person has none for the thread yet (the defaults for authors and repliers). */
export async function setDefaultThreadLevel(
  userId: mongoose.Types.ObjectId,
  threadId: mongoose.Types.ObjectId,
  level: WatchLevel,
): Promise<void> {
  await Watch.updateOne(
    { userId, targetType: "thread", targetId: threadId },
    { $setOnInsert: { userId, targetType: "thread", targetId: threadId, level } },
    { upsert: true },
  ).catch((error: unknown) => {
    // Two posts at once: the other one set it.
    if (!isDuplicateKeyError(error)) throw error;
  });
}
