import type mongoose from "mongoose";
import { foldPolish, type MentionCandidate } from "@forum/shared";
import { anyOf } from "../db/anyOf.js";
import { Membership } from "../models/Membership.js";
import { User } from "../models/User.js";
import { can } from "../policies/index.js";
import { actorsOf, rolesAllowed, type ActorSource } from "./actors.js";
import type { ThreadSubject } from "../policies/threadPolicy.js";
import { loadAuthors } from "./authorDirectory.js";

/** Asks the thread policy, as that person, whether they may read the thread now. */
export async function mayReadThread(user: ActorSource, thread: ThreadSubject): Promise<boolean> {
  const actor = (await actorsOf([user])).get(user._id.toString());
  return actor !== undefined && can(actor, "read", "Thread", thread);
}

/** Of the given people, those who may read the thread now (ids as strings). */
export async function readersAmong(
  userIds: readonly mongoose.Types.ObjectId[],
  thread: ThreadSubject,
): Promise<Set<string>> {
  if (userIds.length === 0) return new Set();
  const users = await User.find({ _id: anyOf(userIds) }, { role: 1, status: 1, suspension: 1 }).lean();
  const actors = await actorsOf(users);
  return new Set([...actors.values()].filter((actor) => can(actor, "read", "Thread", thread)).map((actor) => actor.id));
}

const SUGGESTIONS = 8;

/**
 * People to suggest after "@" in a thread: matched by name or username without diacritics,
 * and only those the thread policy lets read it (checked person by person, the policy decides).
 */
export async function mentionableUsers(thread: ThreadSubject, query: string): Promise<MentionCandidate[]> {
  const folded = foldPolish(query.replace(/^@/, ""));
  const fields = { name: 1, username: 1, role: 1, status: 1, suspension: 1 };
  // Network-wide threads: everyone; a group's thread: its members plus whoever the policies let read it by role.
  const pool = thread.groupId
    ? await (async () => {
        const memberIds = (await Membership.find({ groupId: thread.groupId }, { userId: 1 }).lean()).map(
          (membership) => membership.userId,
        );
        const roles = rolesAllowed("read", "Thread", thread);
        return User.find({ $or: [{ _id: anyOf(memberIds) }, { role: anyOf(roles) }] }, fields)
          .limit(5000)
          .lean();
      })()
    : await User.find({ status: "active" }, fields).limit(5000).lean();

  const matching = pool
    .filter((user) => !folded || foldPolish(user.name).includes(folded) || user.username.includes(folded))
    .sort((a, b) => startsFirst(a, b, folded) || a.name.localeCompare(b.name, "pl"));
  const actors = await actorsOf(matching.slice(0, 200));
  const chosen = matching
    .filter((user) => {
      const actor = actors.get(user._id.toString());
      return actor !== undefined && can(actor, "read", "Thread", thread);
    })
    .slice(0, SUGGESTIONS);
  const authors = await loadAuthors(chosen.map((user) => user._id));
  return chosen.map((user) => ({
    id: user._id.toString(),
    name: user.name,
    username: user.username,
    jstName: authors.get(user._id.toString())?.jstName ?? null,
  }));
}

/** People whose name or username starts with what was typed come before those who merely contain it. */
function startsFirst(a: { name: string; username: string }, b: { name: string; username: string }, folded: string) {
  const starts = (user: { name: string; username: string }) =>
    foldPolish(user.name).startsWith(folded) || user.username.startsWith(folded) ? 0 : 1;
  return starts(a) - starts(b);
}
