import type mongoose from "mongoose";
import { allow, refuse } from "./policy.js";
import { ARCHIVED_GROUP_MESSAGE, inArchivedGroup, isSilenced, isStaff, readsAllGroups } from "./actor.js";

export interface CategorySubject {
  groupId: mongoose.Types.ObjectId | null;
  kind: "discussion" | "announcements";
}

/** Network-wide categories (groupId null) are open to every signed-in member. */
allow<CategorySubject>("Category", ["read"], (actor, category) => {
  if (!actor) return false;
  if (category.groupId === null) return true;
  return readsAllGroups(actor) || actor.groups.has(category.groupId.toString());
});

allow<CategorySubject>("Category", ["createThread"], (actor, category) => {
  if (!actor || isSilenced(actor)) return false;
  if (inArchivedGroup(actor, category.groupId)) return refuse(ARCHIVED_GROUP_MESSAGE);
  if (category.kind === "announcements") return isStaff(actor);
  if (category.groupId === null) return true;
  return isStaff(actor) || actor.groups.has(category.groupId.toString());
});

/** Creating, describing and ordering categories: ZMP moderators and admins. */
allow<CategorySubject>("Category", ["manage"], (actor, category) => {
  if (!actor || !isStaff(actor)) return false;
  return inArchivedGroup(actor, category.groupId) ? refuse(ARCHIVED_GROUP_MESSAGE) : true;
});
