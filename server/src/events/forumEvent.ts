import type mongoose from "mongoose";
import type { EventData, EventName, EventSubject, EventTransient, Role } from "@forum/shared";

export type { EventData, EventName, EventSubject, EventTransient } from "@forum/shared";

/** What every recorded event has besides its name, subject type and data (models/Event.ts stores it). */
export interface EventEnvelope {
  _id: mongoose.Types.ObjectId;
  /** Null for the system (seed, scheduled jobs, visitors asking for an account). */
  actorId: mongoose.Types.ObjectId | null;
  /** The actor's role when they acted, so the audit log keeps a former moderator's actions. */
  actorRole: Role | null;
  subjectId: mongoose.Types.ObjectId;
  groupId: mongoose.Types.ObjectId | null;
  threadId: mongoose.Types.ObjectId | null;
  ip: string | null;
  requestId: string | null;
  createdAt: Date;
}

/**
 * A recorded event: one member per name of the union in shared/src/events.ts, so `event.name === "posts.create"`
 * narrows `event.data` to what posts.create stores.
 */
export type StoredEvent<Name extends EventName = EventName> = {
  [Each in Name]: EventEnvelope & { name: Each; subjectType: EventSubject<Each>; data: EventData<Each> };
}[Name];

/** An event as the in-process subscribers receive it: as stored, plus its never-stored `transient` part. */
export type PublishedEvent<Name extends EventName = EventName> = {
  [Each in Name]: StoredEvent<Each> & { transient: EventTransient<Each> };
}[Name];
