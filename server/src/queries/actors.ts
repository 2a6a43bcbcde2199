import type mongoose from "mongoose";
import { ROLES, type Role } from "@forum/shared";
import { anyOf } from "../db/anyOf.js";
import { Membership } from "../models/Membership.js";
import { User, type UserDocument } from "../models/User.js";
import { can, type Actor } from "../policies/index.js";
import { activeSilence } from "../domain/silenceStatus.js";
import { isProcessingRestricted } from "../domain/processingRestriction.js";
import { effectiveStatus } from "../domain/userStatus.js";

/** What building an Actor needs of a person (the fields loadActor reads). */
export type ActorSource = Pick<UserDocument, "role" | "status" | "suspension"> &
  Partial<Pick<UserDocument, "silence" | "restriction">> & { _id: mongoose.Types.ObjectId };

/** The Actors policies/actor.ts's loadActor builds, for many people with one membership query. */
export async function actorsOf(users: readonly ActorSource[]): Promise<Map<string, Actor>> {
  if (users.length === 0) return new Map();
  const memberships = await Membership.find(
    { userId: anyOf(users.map((user) => user._id)) },
    { userId: 1, groupId: 1, role: 1 },
  ).lean();
  const actors = new Map<string, Actor>();
  for (const user of users) {
    actors.set(user._id.toString(), {
      id: user._id.toString(),
      role: user.role,
      status: effectiveStatus(user),
      groups: new Map(
        memberships
          .filter((membership) => membership.userId.equals(user._id))
          .map((membership) => [membership.groupId.toString(), membership.role]),
      ),
      silence: user.silence ? activeSilence({ silence: user.silence }) : null,
      restricted: isProcessingRestricted(user),
    });
  }
  return actors;
}

/**
 * The roles the policies allow the action on this subject without any group membership, found by asking them as
 * an active person of each role who belongs to no group: what a query for "who may" starts from, so that no role
 * list is written outside the policies.
 */
export function rolesAllowed<Subject>(action: string, subjectType: string, subject: Subject): Role[] {
  return ROLES.filter((role) =>
    can({ id: "", role, status: "active", groups: new Map() }, action, subjectType, subject),
  );
}

/** Active people the policies allow the action on this subject by their role (each one then asked as themselves). */
export async function peopleAllowedByRole<Subject>(
  action: string,
  subjectType: string,
  subject: Subject,
): Promise<mongoose.Types.ObjectId[]> {
  const roles = rolesAllowed(action, subjectType, subject);
  if (roles.length === 0) return [];
  const users = await User.find(
    { role: anyOf(roles), status: "active" },
    { role: 1, status: 1, suspension: 1, silence: 1, restriction: 1 },
  ).lean();
  const actors = await actorsOf(users);
  return users
    .filter((user) => {
      const actor = actors.get(user._id.toString());
      return actor !== undefined && can(actor, action, subjectType, subject);
    })
    .map((user) => user._id);
}
