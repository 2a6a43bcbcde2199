import type { Abilities } from "@forum/shared";
import { Group } from "../models/Group.js";
import type { Actor } from "../policies/actor.js";
import { can } from "../policies/index.js";

/** The signed-in user's abilities, computed by the same policies the server enforces (only through `can`). */
export async function presentAbilities(actor: Actor): Promise<Abilities> {
  const candidates = await Group.find({}, { slug: 1 }).lean();
  return {
    manageUsers: can(actor, "list", "User", null),
    changeRoles: can(actor, "assignRoles", "User", null),
    inviteTo: candidates.filter((group) => can(actor, "invite", "Group", group)).map((group) => group.slug),
    manageCategories: can(actor, "manage", "Category", { groupId: null, kind: "discussion" }),
    silence: actor.silence
      ? { reason: actor.silence.reason, until: actor.silence.until ? actor.silence.until.toISOString() : null }
      : null,
  };
}
