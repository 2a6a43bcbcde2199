import type mongoose from "mongoose";
import type { UnreadCounts } from "@forum/shared";
import { anyOf } from "../db/anyOf.js";
import { ReadPosition } from "../models/ReadPosition.js";
import { Thread } from "../models/Thread.js";

type Id = mongoose.Types.ObjectId;

/**
 * Counting needs one small document per thread and one per thread the person opened: unread is
 * `lastPostNumber − lastReadNumber`, never a scan of posts.
 */

/** Highest read post number per thread id (absent: never opened). */
export async function loadReadNumbers(userId: Id | undefined, threadIds: Id[]): Promise<Map<string, number>> {
  if (!userId || threadIds.length === 0) return new Map();
  const positions = await ReadPosition.find(
    { userId, threadId: anyOf(threadIds) },
    { threadId: 1, lastReadNumber: 1 },
  ).lean();
  return new Map(positions.map((position) => [position.threadId.toString(), position.lastReadNumber]));
}

export const unreadIn = (lastPostNumber: number, lastReadNumber: number | undefined): number =>
  Math.max(0, lastPostNumber - (lastReadNumber ?? 0));

/** Unread posts per key (`keyOf` a thread) over every thread of the given groups (null: network-wide). */
async function countBy(
  userId: Id,
  groupIds: Array<Id | null>,
  keyOf: (thread: { groupId: Id | null; categoryId: Id }) => string,
): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  if (groupIds.length === 0) return counts;
  const [threads, positions] = await Promise.all([
    Thread.find({ groupId: anyOf(groupIds) }, { groupId: 1, categoryId: 1, lastPostNumber: 1 }).lean(),
    ReadPosition.find({ userId, groupId: anyOf(groupIds) }, { threadId: 1, lastReadNumber: 1 }).lean(),
  ]);
  const read = new Map(positions.map((position) => [position.threadId.toString(), position.lastReadNumber]));
  for (const thread of threads) {
    const key = keyOf({ groupId: thread.groupId ?? null, categoryId: thread.categoryId });
    counts.set(key, (counts.get(key) ?? 0) + unreadIn(thread.lastPostNumber, read.get(thread._id.toString())));
  }
  return counts;
}

/** Unread posts per category of one group (or of the network-wide categories, groupId null). */
export function unreadByCategory(userId: Id, groupId: Id | null): Promise<Map<string, number>> {
  return countBy(userId, [groupId], (thread) => thread.categoryId.toString());
}

/** Unread posts per group the person reads, and in the network-wide categories. */
export async function unreadByGroup(userId: Id, groupIds: Id[]): Promise<UnreadCounts> {
  const counts = await countBy(userId, [...groupIds, null], (thread) => thread.groupId?.toString() ?? "network");
  return {
    groups: Object.fromEntries(groupIds.map((id) => [id.toString(), counts.get(id.toString()) ?? 0])),
    network: counts.get("network") ?? 0,
  };
}
