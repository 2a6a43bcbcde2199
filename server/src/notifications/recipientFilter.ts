import type mongoose from "mongoose";
import { anyOf } from "../db/anyOf.js";
import { User, type UserDocument } from "../models/User.js";
import { can, type Actor } from "../policies/index.js";
import { isProcessingRestricted } from "../domain/processingRestriction.js";
import { actorsOf } from "../queries/actors.js";
import { effectiveLevels } from "../queries/watchLevels.js";
import type { PublishedEvent } from "../events/forumEvent.js";
import type { NotificationRule, NotificationTopic } from "./notificationRule.js";

/** One person a rule chose, with the rule (its kind) and what the notification is about. */
export interface Candidate {
  userId: mongoose.Types.ObjectId;
  rule: NotificationRule;
  topic: NotificationTopic;
  message: string | null;
  reaction: string | null;
}

/** What delivery needs of the person: where to write and what they agreed to. */
export type RecipientPerson = Pick<UserDocument, "name" | "email" | "consents"> & { _id: mongoose.Types.ObjectId };

export interface Recipient {
  person: RecipientPerson;
  candidate: Candidate;
}

/** The policies' answer, as this person now: may they read what the notification is about? */
function mayRead(actor: Actor, topic: NotificationTopic): boolean {
  switch (topic.kind) {
    case "thread":
      return can(actor, "read", "Thread", { groupId: topic.thread.groupId ?? null });
    case "practice":
      return can(actor, "read", "Practice", topic.document);
    case "analysis":
      return can(actor, "read", "Analysis", topic.document);
  }
}

/** Who muted the thread (or its category) among the candidates of mutable kinds, thread by thread. */
async function mutedAmong(candidates: Candidate[]): Promise<Set<string>> {
  const byThread = new Map<string, Candidate[]>();
  for (const candidate of candidates) {
    if (!candidate.rule.mutable || candidate.topic.kind !== "thread") continue;
    const key = candidate.topic.thread._id.toString();
    byThread.set(key, [...(byThread.get(key) ?? []), candidate]);
  }
  const muted = new Set<string>();
  for (const group of byThread.values()) {
    const topic = group[0]?.topic;
    if (topic?.kind !== "thread") continue;
    const levels = await effectiveLevels(
      group.map((candidate) => candidate.userId),
      topic.thread,
    );
    for (const candidate of group)
      if (levels.get(candidate.userId.toString()) === "muted") muted.add(candidate.userId.toString());
  }
  return muted;
}

/**
 * The one filter every notification passes, whatever its kind: never the person who acted; nobody whose
 * processing is restricted; nobody the policies do not let read the subject now (which also leaves out suspended,
 * erased and not yet approved accounts, as the policies refuse every inactive person); and, for the kinds a person
 * may mute, nobody who muted the thread or its category.
 */
export async function filterRecipients(event: PublishedEvent, candidates: Candidate[]): Promise<Recipient[]> {
  const actorId = event.actorId?.toString();
  const chosen = new Map(
    candidates
      .filter((candidate) => candidate.userId.toString() !== actorId)
      .map((candidate) => [candidate.userId.toString(), candidate]),
  );
  if (chosen.size === 0) return [];
  const people = await User.find(
    { _id: anyOf([...chosen.values()].map((candidate) => candidate.userId)) },
    { name: 1, email: 1, role: 1, status: 1, suspension: 1, silence: 1, consents: 1, restriction: 1 },
  ).lean();
  const actors = await actorsOf(people);
  const muted = await mutedAmong([...chosen.values()]);
  const recipients: Recipient[] = [];
  for (const person of people) {
    const key = person._id.toString();
    const candidate = chosen.get(key);
    const actor = actors.get(key);
    if (!candidate || !actor || isProcessingRestricted(person) || muted.has(key)) continue;
    if (!mayRead(actor, candidate.topic)) continue;
    recipients.push({ person, candidate });
  }
  return recipients;
}
