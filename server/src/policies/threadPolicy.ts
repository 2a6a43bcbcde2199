import type mongoose from "mongoose";
import { allow } from "./policy.js";
import { isSilenced, isStaff, readsAllGroups } from "./actor.js";

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
  return isStaff(actor) || actor.groups.has(thread.groupId.toString());
});

/** Moderator tools on a thread (pin, lock, closing date, slow mode, rename and re-tag); moderators also reply when locked. */
allow<ThreadSubject>("Thread", ["pin", "lock", "scheduleClose", "setSlowMode", "edit", "bypassLock"], (actor) =>
  actor ? isStaff(actor) : false,
);

/** Moving a thread, merging it into another, moving its posts out: ZMP moderators and admins. */
allow<ThreadSubject>("Thread", ["restructure"], (actor, thread) => {
  if (!actor || !isStaff(actor)) return false;
  return thread.groupId === null || readsAllGroups(actor) || actor.groups.has(thread.groupId.toString());
});
