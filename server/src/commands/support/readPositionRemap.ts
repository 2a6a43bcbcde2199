import type mongoose from "mongoose";
import { anyOf } from "../../db/anyOf.js";
import { ReadPosition } from "../../models/ReadPosition.js";
import type { ThreadDocument } from "../../models/Thread.js";
import type { PlacedPost } from "./postRenumbering.js";
import { bulkUpdate } from "../../db/bulkUpdate.js";

/** A reader's new position in one thread after posts moved, computed before the numbers change. */
export interface PlannedPosition {
  userId: mongoose.Types.ObjectId;
  lastReadNumber: number;
}

/**
 * Where each reader of the source threads stands in the renumbered thread `ordered`: the longest
 * run of posts from its start that they had all read before (a post counted as read when its old
 * number was within their old position in its old thread). So nobody is told a post they never
 * saw is read; posts coming in before their place show up as new, which they are to them.
 */
export async function planReadPositions(
  sourceThreadIds: mongoose.Types.ObjectId[],
  ordered: PlacedPost[],
): Promise<PlannedPosition[]> {
  const positions = await ReadPosition.find(
    { threadId: anyOf(sourceThreadIds) },
    { userId: 1, threadId: 1, lastReadNumber: 1 },
  ).lean();
  const readers = new Map<string, { userId: mongoose.Types.ObjectId; readUpTo: Map<string, number> }>();
  for (const position of positions) {
    const reader = readers.get(position.userId.toString()) ?? { userId: position.userId, readUpTo: new Map() };
    reader.readUpTo.set(position.threadId.toString(), position.lastReadNumber);
    readers.set(position.userId.toString(), reader);
  }
  return [...readers.values()].map(({ userId, readUpTo }) => {
    const firstUnread = ordered.findIndex((post) => post.number > (readUpTo.get(post.threadId.toString()) ?? 0));
    return { userId, lastReadNumber: firstUnread === -1 ? ordered.length : firstUnread };
  });
}

/**
 * Stores planned positions for a thread (absolute values, so a repeated run writes the same). A
 * reader with nothing read there gets no new document, but an existing one is lowered to 0.
 */
export async function writeReadPositions(
  thread: Pick<ThreadDocument, "_id" | "groupId" | "categoryId">,
  planned: PlannedPosition[],
): Promise<void> {
  if (planned.length === 0) return;
  await bulkUpdate(
    ReadPosition,
    planned.map((position) => ({
      updateOne: {
        filter: { userId: position.userId, threadId: thread._id },
        update: {
          $set: {
            lastReadNumber: position.lastReadNumber,
            groupId: thread.groupId ?? null,
            categoryId: thread.categoryId,
          },
        },
        upsert: position.lastReadNumber > 0,
      },
    })),
  );
}
