import type mongoose from "mongoose";
import { allow } from "./policy.js";
import { isSilenced, isStaff } from "./actor.js";

/** The taxonomy (tag groups and tags) is managed by ZMP moderators. */
allow<null>("Tag", ["manage"], (actor) => actor !== null && isStaff(actor));

/** Following a tag (notifications of new threads, practices and analyses with it): anyone signed in. */
allow<null>("Tag", ["follow"], (actor) => actor !== null && actor.status === "active");

export interface FreeTagSpace {
  groupId: mongoose.Types.ObjectId;
  allowFreeTags: boolean;
}

/** A free tag (outside the taxonomy) in a group that allows them: its members and the moderators. */
allow<FreeTagSpace>("Group", ["useFreeTags"], (actor, group) => {
  if (!actor || isSilenced(actor) || !group.allowFreeTags) return false;
  return isStaff(actor) || actor.groups.has(group.groupId.toString());
});
