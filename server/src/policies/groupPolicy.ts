import type mongoose from "mongoose";
import { allow } from "./policy.js";
import { isStaff, readsAllGroups } from "./actor.js";

export interface GroupSubject {
  _id: mongoose.Types.ObjectId;
}

allow<GroupSubject>("Group", ["read"], (actor, group) => {
  if (!actor) return false;
  return readsAllGroups(actor) || actor.groups.has(group._id.toString());
});

allow<GroupSubject>("Group", ["manage"], (actor) => actor !== null && isStaff(actor));

/**
 * Moderators and experts read every group: lists of groups, the calendar and search are scoped with it
 * (checking each document there would not scale).
 */
allow<null>("Group", ["readAll"], (actor) => actor !== null && readsAllGroups(actor));
