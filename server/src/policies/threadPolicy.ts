import type mongoose from "mongoose";
import { allow, refuse } from "./policy.js";
import {
  ARCHIVED_GROUP_MESSAGE,
  inArchivedGroup,
  isSilenced,
  isStaff,
  moderatesGroup,
  readsAllGroups,
} from "./actor.js";

export interface ThreadSubject {
  groupId: mongoose.Types.ObjectId | null;
}

allow<ThreadSubject>("Thread", ["read"], (actor, thread) => {
  if (!actor) return false;
  if (thread.groupId === null) return true;
  return readsAllGroups(actor) || actor.groups.has(thread.groupId.toString());
});

/** Experts read every group but write only where they are members (invited). */
allow<ThreadSubject>("Thread", ["reply"], (actor, thread) => {
  if (!actor || isSilenced(actor)) return false;
  if (thread.groupId === null) return true;
  if (inArchivedGroup(actor, thread.groupId)) return refuse(ARCHIVED_GROUP_MESSAGE);
  return isStaff(actor) || actor.groups.has(thread.groupId.toString());
});

/**
 * Moderator tools on a thread (pin, lock, closing date, slow mode, rename and re-tag); moderators also reply when
 * locked. ZMP moderators everywhere, a group's facilitators in that group's threads; nobody in an archived group.
 */
allow<ThreadSubject>(
  "Thread",
  ["pin", "lock", "scheduleClose", "setSlowMode", "edit", "bypassLock"],
  (actor, thread) => {
    if (!actor || !moderatesGroup(actor, thread.groupId)) return false;
    return inArchivedGroup(actor, thread.groupId) ? refuse(ARCHIVED_GROUP_MESSAGE) : true;
  },
);

/** Moving a thread, merging it into another, moving its posts out: ZMP moderators and admins. */
allow<ThreadSubject>("Thread", ["restructure"], (actor, thread) => {
  if (!actor || !isStaff(actor)) return false;
  if (inArchivedGroup(actor, thread.groupId)) return refuse(ARCHIVED_GROUP_MESSAGE);
  return thread.groupId === null || readsAllGroups(actor) || actor.groups.has(thread.groupId.toString());
});
