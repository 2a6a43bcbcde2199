import { allow } from "./policy.js";
import { isStaff } from "./actor.js";
import type { GroupSubject } from "./groupPolicy.js";

/** Moderators invite to any group; a group's facilitator invites to that group. */
allow<GroupSubject>("Group", ["invite"], (actor, group) => {
  if (!actor) return false;
  return isStaff(actor) || actor.groups.get(group._id.toString()) === "facilitator";
});

/** Account requests are decided by moderators and admins. */
allow<unknown>("User", ["approveRequest"], (actor) => actor !== null && isStaff(actor));
