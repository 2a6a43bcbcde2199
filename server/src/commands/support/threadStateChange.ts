import type mongoose from "mongoose";
import type { ThreadStateSnapshot } from "@forum/shared";
import { notFound } from "../../errors/AppError.js";
import { Thread, type ThreadDocument } from "../../models/Thread.js";
import { recordEvent } from "../recordEvent.js";
import type { RequestContext } from "../../requestContext.js";

/** Who changes a thread's moderation state, and from where (for the audit log). */
export interface ThreadStateActor {
  /** The thread as loaded by the route (already authorized). */
  thread: ThreadDocument;
  actorId: mongoose.Types.ObjectId;
  context?: RequestContext;
}

/** The moderation fields as plain JSON, for the event's before/after. */
export function threadStateSnapshot(thread: Partial<ThreadDocument>): ThreadStateSnapshot {
  return {
    title: thread.title,
    tags: thread.tags ? [...thread.tags] : [],
    pin: thread.pin
      ? {
          scope: thread.pin.scope,
          until: thread.pin.until?.toISOString() ?? null,
          byId: thread.pin.byId.toString(),
          at: thread.pin.at.toISOString(),
        }
      : null,
    lock: thread.lock
      ? { reason: thread.lock.reason, byId: thread.lock.byId.toString(), at: thread.lock.at.toISOString() }
      : null,
    closesAt: thread.closesAt?.toISOString() ?? null,
    closeReason: thread.closeReason ?? null,
    slowModeSeconds: thread.slowModeSeconds ?? 0,
  };
}

/** The thread-state changes: each stores the thread's moderation fields before and after. */
export type ThreadStateEventName =
  | "threads.pin"
  | "threads.unpin"
  | "threads.lock"
  | "threads.unlock"
  | "threads.scheduleClose"
  | "threads.setSlowMode"
  | "threads.edit";

/**
 * Sets some of a thread's fields and records ONE event `threads.<verb>` with the state before and
 * after; live updates and the audit log follow from the event.
 */
export async function changeThreadState(
  props: ThreadStateActor & { name: ThreadStateEventName; set: Record<string, unknown>; reason?: string | null },
): Promise<ThreadDocument> {
  const updated = await Thread.findOneAndUpdate(
    { _id: props.thread._id },
    { $set: props.set },
    { returnDocument: "after" },
  ).lean();
  if (!updated) throw notFound();
  await recordEvent({
    name: props.name,
    actorId: props.actorId,
    subjectType: "Thread",
    subjectId: updated._id,
    groupId: updated.groupId,
    threadId: updated._id,
    data: {
      before: threadStateSnapshot(props.thread),
      after: threadStateSnapshot(updated),
      ...(props.reason ? { reason: props.reason } : {}),
    },
    context: props.context,
  });
  return updated;
}
