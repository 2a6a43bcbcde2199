import { randomUUID } from "node:crypto";
import type mongoose from "mongoose";
import { PendingWrite, type PendingWriteDocument } from "../models/PendingWrite.js";

/** Tells this process's pending writes from those of another process (or of one that died). */
export const PROCESS_ID = randomUUID();

/**
 * Another process's write this old is taken for abandoned (that process died, or lost the
 * database): requests fail within a few seconds when the database is away.
 */
export const FOREIGN_WRITE_GRACE_MS = 20_000;

/** Ids of the pending writes this process is working on right now: never "abandoned". */
const inFlight = new Set<string>();

export const isInFlight = (pendingWriteId: mongoose.Types.ObjectId): boolean => inFlight.has(pendingWriteId.toString());

export interface PendingWriteProps {
  kind: PendingWriteDocument["kind"];
  authorId: mongoose.Types.ObjectId;
  clientId: string;
  threadId: mongoose.Types.ObjectId;
}

/**
 * Runs a write of several documents under a pending-write record: the record is stored before
 * `steps` and removed once they all succeeded. If they throw (the database went away, the process
 * died) the record stays behind for the recovery pass.
 */
export async function withPendingWrite<Result>(
  props: PendingWriteProps,
  steps: (pendingWriteId: mongoose.Types.ObjectId) => Promise<Result>,
): Promise<Result> {
  const pending = await PendingWrite.create({ ...props, ownerId: PROCESS_ID, startedAt: new Date() });
  const id = pending._id.toString();
  inFlight.add(id);
  try {
    const result = await steps(pending._id);
    await PendingWrite.deleteOne({ _id: pending._id });
    return result;
  } finally {
    inFlight.delete(id);
  }
}
