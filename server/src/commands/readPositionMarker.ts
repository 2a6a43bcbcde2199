import mongoose from "mongoose";
import { isDuplicateKeyError } from "../db/duplicateKey.js";
import { ReadPosition } from "../models/ReadPosition.js";
import type { ThreadDocument } from "../models/Thread.js";

export interface ReadPositionMarkerProps {
  userId: mongoose.Types.ObjectId;
  /** The thread (already authorized for reading). */
  thread: Pick<ThreadDocument, "_id" | "groupId" | "categoryId" | "lastPostNumber">;
  /** The highest post number the reader has seen. */
  number: number;
}

/**
 * Raises how far a person has read a thread; a lower number than the stored one changes nothing
 * (another tab, a late request). It records no event: it is the reader's own bookkeeping, sent
 * every few seconds while scrolling, and nobody else sees it or needs an audit trail of it.
 * Returns the stored position.
 */
export async function readPositionMarker(props: ReadPositionMarkerProps): Promise<number> {
  // Nobody can have read past the newest post.
  const number = Math.min(props.number, props.thread.lastPostNumber);
  const key = { userId: props.userId, threadId: props.thread._id };
  for (let attempt = 1; ; attempt += 1) {
    const raised = await ReadPosition.findOneAndUpdate(
      { ...key, lastReadNumber: mongoose.trusted({ $lt: number }) },
      { $set: { lastReadNumber: number } },
      { returnDocument: "after" },
    ).lean();
    if (raised) return raised.lastReadNumber;
    const stored = await ReadPosition.findOne(key, { lastReadNumber: 1 }).lean();
    if (stored) return stored.lastReadNumber;
    try {
      await ReadPosition.create({
        ...key,
        groupId: props.thread.groupId ?? null,
        categoryId: props.thread.categoryId,
        lastReadNumber: Math.max(0, number),
      });
      return Math.max(0, number);
    } catch (error) {
      // Another request created it meanwhile: raise that one instead.
      if (!isDuplicateKeyError(error) || attempt >= 3) throw error;
    }
  }
}
