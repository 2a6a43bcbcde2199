import type mongoose from "mongoose";
import type { GroupRole, Role, UserStatus } from "@forum/shared";
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
}

export async function loadActor(user: UserDocument & { _id: mongoose.Types.ObjectId }): Promise<Actor> {
  const memberships = await Membership.find({ userId: user._id }, { groupId: 1, role: 1 }).lean();
  return {
    id: user._id.toString(),
    role: user.role,
    status: effectiveStatus(user),
    groups: new Map(memberships.map((membership) => [membership.groupId.toString(), membership.role])),
    silence: activeSilence(user),
    restricted: isProcessingRestricted(user),
  };
}

export const isStaff = (actor: Pick<Actor, "role">): boolean => actor.role === "admin" || actor.role === "moderator";
export const readsAllGroups = (actor: Pick<Actor, "role">): boolean => isStaff(actor) || actor.role === "expert";

/** How a person is labelled where roles are shown (a live room's participants): admins count as moderators. */
export const roleLabel = (actor: Pick<Actor, "role">): "moderator" | "expert" | "member" =>
  isStaff(actor) ? "moderator" : actor.role === "expert" ? "expert" : "member";

/** A silence still in force at this moment (the actor may outlive its end on a long socket connection). */
export const isSilenced = (actor: Actor, now = new Date()): boolean =>
  Boolean(actor.silence && (actor.silence.until === null || actor.silence.until > now));
