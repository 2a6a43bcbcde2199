import type { Abilities } from "@forum/shared";
import { Group } from "../models/Group.js";
import type { Actor } from "../policies/actor.js";
import { can } from "../policies/index.js";
import { anyOf } from "../db/anyOf.js";

/** More groups than one programme ever runs at once (100 at stage two); a bound, never a page. */
const GROUPS_LISTED_MAX = 1_000;

/** An ability added after the first ones: sent only when granted, so the answer stays as it was for everyone else. */
const granted = <Name extends string>(name: Name, allowed: boolean) =>
  (allowed ? { [name]: true } : {}) as Partial<Record<Name, true>>;

/** The signed-in user's abilities, computed by the same policies the server enforces (only through `can`). */
export async function presentAbilities(actor: Actor): Promise<Abilities> {
  // Those who read every group may be allowed to invite to any of them; others only to their own.
  const ownGroups = [...actor.groups.keys()];
  const candidates = can(actor, "readAll", "Group", null)
    ? await Group.find({}, { slug: 1 }).limit(GROUPS_LISTED_MAX).lean()
    : ownGroups.length > 0
      ? await Group.find({ _id: anyOf(ownGroups) }, { slug: 1 }).lean()
      : [];
  return {
    manageUsers: can(actor, "list", "User", null),
    changeRoles: can(actor, "assignRoles", "User", null),
    inviteTo: candidates.filter((group) => can(actor, "invite", "Group", group)).map((group) => group.slug),
    manageCategories: can(actor, "manage", "Category", { groupId: null, kind: "discussion" }),
    silence: actor.silence
      ? { reason: actor.silence.reason, until: actor.silence.until ? actor.silence.until.toISOString() : null }
      : null,
    ...granted("editSitePages", can(actor, "edit", "SitePage", null)),
    ...granted("launchChecklist", can(actor, "read", "LaunchChecklist", null)),
    ...granted("handleDataRequests", can(actor, "handleRequests", "PersonalData", null)),
    // A network thread: the rule's group condition is one every moderator meets there.
    ...granted("restructureThreads", can(actor, "restructure", "Thread", { groupId: null })),
    ...granted("manageProgramme", can(actor, "manage", "Programme", null)),
  };
}
