import { allow, refuse } from "./policy.js";
import { ARCHIVED_GROUP_MESSAGE, inArchivedGroup, isStaff, moderatesGroup } from "./actor.js";
import type { GroupSubject } from "./groupPolicy.js";

/** Moderators invite to any group; a group's facilitator invites to that group. */
allow<GroupSubject>("Group", ["invite"], (actor, group) => {
  if (!actor || !moderatesGroup(actor, group._id)) return false;
  return inArchivedGroup(actor, group._id) ? refuse(ARCHIVED_GROUP_MESSAGE) : true;
});

/** Account requests are decided by moderators and admins. */
allow<unknown>("User", ["approveRequest"], (actor) => actor !== null && isStaff(actor));
