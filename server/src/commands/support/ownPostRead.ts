import mongoose from "mongoose";
import { ReadPosition } from "../../models/ReadPosition.js";
import { readPositionMarker, type ReadPositionMarkerProps } from "../readPositionMarker.js";

/**
 * A person's own new post counts as read when they had read everything before it (or it opens
 * the thread), so writing a reply never shows up as "1 new" to its author.
 */
export async function ownPostRead(props: ReadPositionMarkerProps): Promise<void> {
  if (props.number === 1) {
    await readPositionMarker(props);
    return;
  }
  await ReadPosition.updateOne(
    {
      userId: props.userId,
      threadId: props.thread._id,
      lastReadNumber: mongoose.trusted({ $gte: props.number - 1, $lt: props.number }),
    },
    { $set: { lastReadNumber: props.number } },
  );
}
