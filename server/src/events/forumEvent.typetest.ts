/**
 * Checked by `npm run typecheck` and never run: each `@ts-expect-error` below must stay an error, or tsc fails
 * ("unused directive"). Recording an unknown event, the wrong data or subject for a known one, or a secret link
 * without its transient part does not compile; a subscriber that narrows on the name gets that event's data.
 */
import mongoose from "mongoose";
import type { EVENT_LABELS, EventName, EventSubjectType, ForumEvents } from "@forum/shared";
import { recordEvent } from "../commands/recordEvent.js";
import type { PublishedEvent } from "./forumEvent.js";

const subjectId = new mongoose.Types.ObjectId();
const by = { actorId: null, subjectId } as const;
const token = { token: "secret", validMinutes: 60 };
const reset = { tokenId: "0", expiresAt: "2026-01-01T00:00:00.000Z" };

export async function recordingChecks(): Promise<void> {
  await recordEvent({ ...by, name: "posts.react", subjectType: "Post", data: { kind: "like" } });
  await recordEvent({ ...by, name: "users.passwordResetRequest", subjectType: "User", data: reset, transient: token });

  // @ts-expect-error: no such event in shared/src/events.ts
  await recordEvent({ ...by, name: "posts.teleport", subjectType: "Post", data: {} });
  // @ts-expect-error: posts.react stores which reaction, from the list of reactions
  await recordEvent({ ...by, name: "posts.react", subjectType: "Post", data: { kind: "wow!" } });
  // @ts-expect-error: posts.react stores which reaction; none given
  await recordEvent({ ...by, name: "posts.react", subjectType: "Post", data: {} });
  // @ts-expect-error: a reaction is about a post, not a thread
  await recordEvent({ ...by, name: "posts.react", subjectType: "Thread", data: { kind: "like" } });
  // @ts-expect-error: the reset link's token must travel with the event (and only there)
  await recordEvent({ ...by, name: "users.passwordResetRequest", subjectType: "User", data: reset });
  // @ts-expect-error: an event without a transient part takes none
  await recordEvent({ ...by, name: "posts.react", subjectType: "Post", data: { kind: "like" }, transient: token });
}

export function narrowingChecks(event: PublishedEvent): number {
  if (event.name === "posts.create") return event.data.number + event.data.attachmentIds.length;
  if (event.name === "users.passwordResetRequest") return event.transient.validMinutes;
  // @ts-expect-error: before narrowing, not every event's data has a number
  return event.data.number;
}

export function tableChecks(): void {
  // @ts-expect-error: the labels table must name every event (here one is missing)
  const missing: typeof EVENT_LABELS = { "posts.create": { pl: "Nowy wpis", en: "Post written" } };
  void missing;
  const subject: EventSubjectType = "Post";
  // @ts-expect-error: the map's subject types are a closed list
  const unknownSubject: EventSubjectType = "Spaceship";
  void [subject, unknownSubject];
  const name: EventName = "threads.merge";
  // @ts-expect-error: a name is one of the map's keys
  const typo: keyof ForumEvents = "threads.marge";
  void [name, typo];
}
