import type { Abilities } from "@forum/shared";
import { Group } from "../models/Group.js";
import type { Actor } from "../policies/actor.js";
import { isStaff } from "../policies/actor.js";
import { can } from "../policies/index.js";
import { anyOf } from "../db/anyOf.js";

/** An ability added after the first ones: sent only when granted, so the answer stays as it was for everyone else. */
const granted = <Name extends string>(name: Name, allowed: boolean) =>
  (allowed ? { [name]: true } : {}) as Partial<Record<Name, true>>;

/** The signed-in user's abilities, computed by the same policies the server enforces. */
export async function presentAbilities(actor: Actor): Promise<Abilities> {
  const groupIds = isStaff(actor)
    ? undefined
    : [...actor.groups.entries()].filter(([, role]) => role === "facilitator").map(([id]) => id);
  const candidates =
    groupIds && groupIds.length === 0
      ? []
      : await Group.find(groupIds ? { _id: anyOf(groupIds) } : {}, { slug: 1 }).lean();
  return {
    manageUsers: can(actor, "list", "User", null),
    changeRoles: actor.role === "admin",
    inviteTo: candidates.filter((group) => can(actor, "invite", "Group", group)).map((group) => group.slug),
    manageCategories: can(actor, "manage", "Category", { groupId: null, kind: "discussion" }),
    silence: actor.silence
      ? { reason: actor.silence.reason, until: actor.silence.until ? actor.silence.until.toISOString() : null }
      : null,
    ...granted("editSitePages", can(actor, "edit", "SitePage", null)),
    ...granted("handleDataRequests", can(actor, "handleRequests", "PersonalData", null)),
    // A network thread: the rule's group condition is one every moderator meets there.
    ...granted("restructureThreads", can(actor, "restructure", "Thread", { groupId: null })),
  };
}
