import type mongoose from "mongoose";
import type { Role } from "@forum/shared";
import { Event } from "../models/Event.js";
import { User } from "../models/User.js";
import { eventBus } from "../infra/eventBus.js";
import type {
  EventData,
  EventName,
  EventSubject,
  EventTransient,
  PublishedEvent,
  StoredEvent,
} from "../events/forumEvent.js";
import type { RequestContext } from "../requestContext.js";

/** A transient part is required exactly for the events that declare one (shared/src/events.ts). */
type TransientProp<Name extends EventName> =
  EventTransient<Name> extends undefined ? { transient?: undefined } : { transient: EventTransient<Name> };

export type RecordEventProps<Name extends EventName> = {
  /** Dotted name of what happened, one of the union in shared/src/events.ts, e.g. `posts.create`. */
  name: Name;
  /** The user who did it; null for the system (seed, scheduled jobs). */
  actorId: mongoose.Types.ObjectId | null;
  subjectType: EventSubject<Name>;
  subjectId: mongoose.Types.ObjectId;
  /** The group the change belongs to, for live fan-out and the audit log filter. */
  groupId?: mongoose.Types.ObjectId | null;
  threadId?: mongoose.Types.ObjectId | null;
  /** What a listener needs to know without another query (e.g. before/after), as the union says for this name. */
  data: EventData<Name>;
  /** Where the request came from, for the audit log. */
  context?: RequestContext;
  /** The actor's role; looked up when not given, so the audit log knows staff actions. */
  actorRole?: Role | null;
} & TransientProp<Name>;

async function roleOf(actorId: mongoose.Types.ObjectId | null): Promise<Role | null> {
  if (!actorId) return null;
  const actor = await User.findById(actorId, { role: 1 }).lean();
  return actor?.role ?? null;
}

/**
 * The single way a command records what it changed; publishing follows from it. The transient part (a secret
 * link's token) goes to the in-process subscribers only: it is never written to the Event collection.
 */
export async function recordEvent<Name extends EventName>(props: RecordEventProps<Name>): Promise<StoredEvent<Name>> {
  const event = await Event.create({
    name: props.name,
    actorId: props.actorId,
    actorRole: props.actorRole !== undefined ? props.actorRole : await roleOf(props.actorId),
    subjectType: props.subjectType,
    subjectId: props.subjectId,
    groupId: props.groupId ?? null,
    threadId: props.threadId ?? null,
    data: props.data,
    ip: props.context?.ip ?? null,
    requestId: props.context?.requestId ?? null,
  });
  // The one place the stored document meets the union: it was just written from props typed by it.
  const stored = event.toObject() as unknown as StoredEvent<Name>;
  eventBus.publish({ ...stored, transient: props.transient } as PublishedEvent);
  return stored;
}
