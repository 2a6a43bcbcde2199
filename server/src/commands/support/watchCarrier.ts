import type mongoose from "mongoose";
import type { WatchLevel } from "@forum/shared";
import { anyOf } from "../../db/anyOf.js";
import { Watch } from "../../models/Watch.js";
import { bulkUpdate } from "../../db/bulkUpdate.js";

/** How closely a level follows a thread: carrying watches never lowers one. */
const CLOSENESS: Record<WatchLevel, number> = { muted: 0, tracking: 1, watching: 2 };

/**
 * Those who chose a watch level on one thread get it on another too, unless they already follow
 * that one more closely. Absolute upserts: running it twice changes nothing more.
 */
export async function carryThreadWatches(
  fromThreadId: mongoose.Types.ObjectId,
  toThreadId: mongoose.Types.ObjectId,
): Promise<number> {
  const watches = await Watch.find({ targetType: "thread", targetId: fromThreadId }, { userId: 1, level: 1 }).lean();
  if (watches.length === 0) return 0;
  const existing = await Watch.find(
    { targetType: "thread", targetId: toThreadId, userId: anyOf(watches.map((watch) => watch.userId)) },
    { userId: 1, level: 1 },
  ).lean();
  const levelThere = new Map(existing.map((watch) => [watch.userId.toString(), watch.level]));
  const raised = watches.filter((watch) => {
    const there = levelThere.get(watch.userId.toString());
    return there === undefined || CLOSENESS[watch.level] > CLOSENESS[there];
  });
  if (raised.length === 0) return 0;
  await bulkUpdate(
    Watch,
    raised.map((watch) => {
      const key = { userId: watch.userId, targetType: "thread" as const, targetId: toThreadId };
      return { updateOne: { filter: key, update: { $set: { level: watch.level } }, upsert: true } };
    }),
  );
  return raised.length;
}
