import type mongoose from "mongoose";
import type { Role } from "@forum/shared";
import { Event, type EventDocument } from "../models/Event.js";
import { User } from "../models/User.js";
import { eventBus } from "../infra/eventBus.js";
import type { RequestContext } from "../requestContext.js";

export interface RecordEventProps {
  /** Dotted name of what happened, e.g. `posts.create`. */
  name: string;
  /** The user who did it; null for the system (seed, scheduled jobs). */
  actorId: mongoose.Types.ObjectId | null;
  subjectType: string;
  subjectId: mongoose.Types.ObjectId;
  /** The group the change belongs to, for live fan-out and the audit log filter. */
  groupId?: mongoose.Types.ObjectId | null;
  threadId?: mongoose.Types.ObjectId | null;
  /** What a listener needs to know without another query (e.g. before/after). */
  data?: Record<string, unknown>;
  /** Where the request came from, for the audit log. */
  context?: RequestContext;
  /** The actor's role; looked up when not given, so the audit log knows staff actions. */
  actorRole?: Role | null;
}

async function roleOf(actorId: mongoose.Types.ObjectId | null): Promise<Role | null> {
  if (!actorId) return null;
  const actor = await User.findById(actorId, { role: 1 }).lean();
  return actor?.role ?? null;
}

/** The single way a command records what it changed; publishing follows from it. */
export async function recordEvent(props: RecordEventProps): Promise<EventDocument> {
  const event = await Event.create({
    name: props.name,
    actorId: props.actorId,
    actorRole: props.actorRole !== undefined ? props.actorRole : await roleOf(props.actorId),
    subjectType: props.subjectType,
    subjectId: props.subjectId,
    groupId: props.groupId ?? null,
    threadId: props.threadId ?? null,
    data: props.data ?? {},
    ip: props.context?.ip ?? null,
    requestId: props.context?.requestId ?? null,
  });
  const stored = event.toObject() as EventDocument;
  eventBus.publish(stored);
  return stored;
}
