import type mongoose from "mongoose";
import { anyOf } from "../db/anyOf.js";
import { atLeast, lessThan } from "../db/comparisons.js";
import type { Logger } from "../logger.js";
import { Attendance } from "../models/Attendance.js";
import { runPeriodically } from "./periodicTask.js";

/** How often the stays of this process's open connections are marked as still alive. */
export const ATTENDANCE_HEARTBEAT_MS = 60_000;
/** A stay nobody vouched for in this long belongs to a process that died: it ended at its last sign of life. */
export const ATTENDANCE_STALE_AFTER_MS = 3 * ATTENDANCE_HEARTBEAT_MS;

/** Stays opened by this process and not yet closed (their connections are alive here). */
const liveStays = new Set<string>();

export async function openStay(props: {
  meetingId: mongoose.Types.ObjectId;
  userId: mongoose.Types.ObjectId;
  jstId: mongoose.Types.ObjectId | null;
  /** The session's day the room runs (attendance lists are per day). */
  day: number;
  connectionId: string;
}): Promise<string> {
  const now = new Date();
  const stay = await Attendance.create({ ...props, joinedAt: now, seenAt: now, leftAt: null });
  const id = stay._id.toString();
  liveStays.add(id);
  return id;
}

/** Ends a stay now (leaving the room, or the connection closing); a stay already ended keeps its end. */
export async function closeStay(stayId: string): Promise<void> {
  liveStays.delete(stayId);
  const now = new Date();
  await Attendance.updateOne({ _id: stayId, leftAt: null }, { $set: { leftAt: now, seenAt: now } });
}

/** Closes stays whose process stopped vouching for them, at their last sign of life. Safe to run anywhere, any time. */
export async function closeAbandonedStays(now = new Date()): Promise<number> {
  const abandoned = await Attendance.find(
    { leftAt: null, seenAt: lessThan(new Date(now.getTime() - ATTENDANCE_STALE_AFTER_MS)) },
    { seenAt: 1 },
  ).lean();
  let closed = 0;
  for (const stay of abandoned) {
    if (liveStays.has(stay._id.toString())) continue;
    const result = await Attendance.updateOne({ _id: stay._id, leftAt: null }, { $set: { leftAt: stay.seenAt } });
    closed += result.modifiedCount;
  }
  return closed;
}

async function refreshLiveStays(): Promise<void> {
  if (liveStays.size === 0) return;
  await Attendance.updateMany({ _id: anyOf([...liveStays]), leftAt: null }, { $set: { seenAt: new Date() } });
}

/**
 * Keeps attendance true across crashes: at start (and every heartbeat) stays left open by a dead
 * process are closed; the stays of this process's connections are marked alive.
 */
export function startAttendanceKeeper(logger: Logger): () => void {
  const keeper = runPeriodically({
    everyMs: ATTENDANCE_HEARTBEAT_MS,
    firstInMs: 0,
    task: () => Promise.all([refreshLiveStays(), closeAbandonedStays()]),
    logger,
    label: "attendance upkeep",
  });
  return keeper.stop;
}

/** Everyone still in the room leaves as it closes (or its day closes). */
export async function endStays(meetingId: mongoose.Types.ObjectId, closedAt: Date): Promise<void> {
  // A stay not heard from for longer was cut off earlier (its process died): it ended when last seen.
  const recent = atLeast(new Date(closedAt.getTime() - ATTENDANCE_STALE_AFTER_MS));
  await Attendance.updateMany({ meetingId, leftAt: null, seenAt: recent }, { $set: { leftAt: closedAt } });
  for (const stale of await Attendance.find({ meetingId, leftAt: null }, { seenAt: 1 }).lean()) {
    await Attendance.updateOne({ _id: stale._id, leftAt: null }, { $set: { leftAt: stale.seenAt } });
  }
}
