import type mongoose from "mongoose";
import type { GroupRole, Role, UserStatus } from "@forum/shared";
import { notEqual } from "../db/comparisons.js";
import { Group } from "../models/Group.js";
import { Membership } from "../models/Membership.js";
import type { UserDocument } from "../models/User.js";
import { activeSilence, type SilenceInForce } from "../domain/silenceStatus.js";
import { isProcessingRestricted } from "../domain/processingRestriction.js";
import { effectiveStatus } from "../domain/userStatus.js";

/** Who is acting, with everything a policy needs, loaded once per request or socket. */
export interface Actor {
  id: string;
  role: Role;
  status: UserStatus;
  /** groupId → the actor's role in that group. */
  groups: Map<string, GroupRole>;
  /** Set while silenced: reading goes on, writing (posting, reacting, flagging) is refused. */
  silence?: SilenceInForce | null;
  /** Set while an admin restricts processing of the account: reading goes on, writing is refused (423). */
  restricted?: boolean;
  /**
   * Ids of archived groups (every one, not only the actor's: staff act in all groups). A group ends when
   * its programme does; the rules refuse every write in it. Loaded with the actor; open connections are
   * told when a group is archived or restored (realtime/groupLifecycleFanOut.ts).
   */
  archivedGroups?: Set<string>;
}

export async function loadActor(user: UserDocument & { _id: mongoose.Types.ObjectId }): Promise<Actor> {
  const [memberships, archived] = await Promise.all([
    Membership.find({ userId: user._id }, { groupId: 1, role: 1 }).lean(),
    Group.find({ archivedAt: notEqual(null) }, { _id: 1 })
      .limit(ARCHIVED_GROUPS_MAX)
      .lean(),
  ]);
  return {
    id: user._id.toString(),
    role: user.role,
    status: effectiveStatus(user),
    groups: new Map(memberships.map((membership) => [membership.groupId.toString(), membership.role])),
    silence: activeSilence(user),
    restricted: isProcessingRestricted(user),
    archivedGroups: new Set(archived.map((group) => group._id.toString())),
  };
}

/** More groups than the programme will ever have archived (100 groups at stage two); a bound, not a page. */
const ARCHIVED_GROUPS_MAX = 5_000;

/** Whether the group (by id) is archived: every write in it is refused, whoever asks. */
export const inArchivedGroup = (
  actor: Pick<Actor, "archivedGroups">,
  groupId: { toString(): string } | null,
): boolean => groupId !== null && (actor.archivedGroups?.has(groupId.toString()) ?? false);

/** A group's facilitator (prowadzący): moderation rights in that group only. */
export const facilitates = (actor: Pick<Actor, "groups">, groupId: { toString(): string } | null): boolean =>
  groupId !== null && actor.groups.get(groupId.toString()) === "facilitator";

/** Moderates this group: ZMP staff everywhere, a facilitator in their own group. */
export const moderatesGroup = (
  actor: Pick<Actor, "groups" | "role">,
  groupId: { toString(): string } | null,
): boolean => isStaff(actor) || facilitates(actor, groupId);

/** What an archived group answers to any change (403 to those who may read it). */
export const ARCHIVED_GROUP_MESSAGE =
  "Ta grupa jest w archiwum: jej treści można czytać, ale nie można w niej nic dodawać ani zmieniać.";

export const isStaff = (actor: Pick<Actor, "role">): boolean => actor.role === "admin" || actor.role === "moderator";
export const readsAllGroups = (actor: Pick<Actor, "role">): boolean => isStaff(actor) || actor.role === "expert";

/** How a person is labelled where roles are shown (a live room's participants): admins count as moderators. */
export const roleLabel = (actor: Pick<Actor, "role">): "moderator" | "expert" | "member" =>
  isStaff(actor) ? "moderator" : actor.role === "expert" ? "expert" : "member";

/** A silence still in force at this moment (the actor may outlive its end on a long socket connection). */
export const isSilenced = (actor: Actor, now = new Date()): boolean =>
  Boolean(actor.silence && (actor.silence.until === null || actor.silence.until > now));
