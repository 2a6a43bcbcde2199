import type mongoose from "mongoose";
import type { AdminUserView } from "@forum/shared";
import { Group } from "../models/Group.js";
import { Membership } from "../models/Membership.js";
import type { UserDocument } from "../models/User.js";
import { jstsByIds } from "../queries/jstCatalogue.js";
import { presentJst } from "./jstPresenter.js";
import { anyOf } from "../db/anyOf.js";

type UserWithDates = UserDocument & { createdAt?: Date | null };
type GroupPlace = AdminUserView["groups"][number];

/** One user as moderators see them in the admin lists; `groups` is the user's group places. */
export function presentAdminUser(
  user: UserWithDates,
  jst: Parameters<typeof presentJst>[0] | null,
  groups: GroupPlace[],
): AdminUserView {
  const suspended = user.suspension?.reason ? user.suspension : null;
  return {
    id: user._id.toString(),
    name: user.name,
    email: user.email,
    role: user.role,
    status: user.status,
    jst: jst ? presentJst(jst) : null,
    position: user.position ?? null,
    addresseeGroup: user.addresseeGroup ?? null,
    groups,
    requestMessage: user.requestMessage ?? "",
    suspension: suspended
      ? { reason: suspended.reason ?? "", until: suspended.until ? suspended.until.toISOString() : null }
      : null,
    restriction: user.restriction?.since
      ? { reason: user.restriction.reason ?? "", since: user.restriction.since.toISOString() }
      : null,
    erasure:
      user.erasure?.at && user.erasure.number
        ? { at: user.erasure.at.toISOString(), number: user.erasure.number }
        : null,
    createdAt: (user.createdAt ?? user._id.getTimestamp()).toISOString(),
    lastLoginAt: user.lastLoginAt ? user.lastLoginAt.toISOString() : null,
  };
}

/** Presents a page of users with their JSTs and group places, in three queries whatever the page size. */
export async function presentAdminUsers(users: UserWithDates[]): Promise<AdminUserView[]> {
  const userIds = users.map((user) => user._id);
  const jstIds = users.map((user) => user.jstId).filter((id): id is mongoose.Types.ObjectId => Boolean(id));
  const [jsts, memberships] = await Promise.all([
    jstsByIds(jstIds),
    userIds.length ? Membership.find({ userId: anyOf(userIds) }, { userId: 1, groupId: 1, role: 1 }).lean() : [],
  ]);
  const groupIds = [...new Set(memberships.map((membership) => membership.groupId.toString()))];
  const groups = groupIds.length ? await Group.find({ _id: anyOf(groupIds) }, { slug: 1, name: 1 }).lean() : [];
  const groupById = new Map(groups.map((group) => [group._id.toString(), group]));
  const placesByUser = new Map<string, GroupPlace[]>();
  for (const membership of memberships) {
    const group = groupById.get(membership.groupId.toString());
    if (!group) continue;
    const places = placesByUser.get(membership.userId.toString()) ?? [];
    places.push({ slug: group.slug, name: group.name, role: membership.role });
    placesByUser.set(membership.userId.toString(), places);
  }
  return users.map((user) =>
    presentAdminUser(
      user,
      user.jstId ? (jsts.get(user.jstId.toString()) ?? null) : null,
      (placesByUser.get(user._id.toString()) ?? []).sort((a, b) => a.name.localeCompare(b.name, "pl")),
    ),
  );
}
