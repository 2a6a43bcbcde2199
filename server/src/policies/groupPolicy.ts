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
