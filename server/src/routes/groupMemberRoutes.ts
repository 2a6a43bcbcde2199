import { Router } from "express";
import type mongoose from "mongoose";
import { endpoints, foldPolish, USERNAME_PATTERN, type GroupRole, type RosterEntry } from "@forum/shared";
import { groupMemberAdder } from "../commands/groupMemberAdder.js";
import { groupMemberMover } from "../commands/groupMemberMover.js";
import { groupMemberRemover } from "../commands/groupMemberRemover.js";
import { groupMemberRoleSetter } from "../commands/groupMemberRoleSetter.js";
import { anyOf } from "../db/anyOf.js";
import { badRequest, notFound } from "../errors/AppError.js";
import { route, sent } from "../http/declareRoute.js";
import { spreadsheetCsv } from "../infra/spreadsheetCsv.js";
import { Attendance } from "../models/Attendance.js";
import { Group, type GroupDocument } from "../models/Group.js";
import { Meeting } from "../models/Meeting.js";
import { Membership } from "../models/Membership.js";
import { User } from "../models/User.js";
import { can } from "../policies/index.js";
import { jstsByIds } from "../queries/jstCatalogue.js";
import { sessionCountOf } from "../queries/cohortMeetings.js";
import { groupFor } from "./programmeRoutes.js";

/** Bounds, not pages: a group has 20–40 people; stays in its ≤30 meetings' rooms; people in the forum. */
const MEMBERS_MAX = 2_000;
const STAYS_MAX = 50_000;
const GROUPS_MAX = 1_000;
const CANDIDATES_MAX = 20;
const USERS_SCANNED_MAX = 5_000;

/** The person named in the path who is in the group (a name that is not there answers 404). */
async function memberNamed(group: GroupDocument, usernameParam: string) {
  const username = usernameParam.toLowerCase();
  if (!USERNAME_PATTERN.test(username)) throw notFound();
  const user = await User.findOne({ username }, { _id: 1, name: 1 }).lean();
  // Someone who is not in the group answers as a name that names nothing.
  if (!user || !(await Membership.exists({ groupId: group._id, userId: user._id }))) throw notFound();
  return user;
}

/** Everyone in the group with what the roster shows; attendance counts distinct sessions with a stay. */
async function roster(group: GroupDocument): Promise<RosterEntry[]> {
  const memberships = await Membership.find({ groupId: group._id }).limit(MEMBERS_MAX).lean();
  const userIds = memberships.map((membership) => membership.userId);
  const [users, meetings] = await Promise.all([
    userIds.length
      ? User.find({ _id: anyOf(userIds) }, { username: 1, name: 1, jstId: 1, position: 1, lastSeenAt: 1 }).lean()
      : [],
    Meeting.find({ groupId: group._id }, { _id: 1 }).limit(100).lean(),
  ]);
  const stays = meetings.length
    ? await Attendance.find({ meetingId: anyOf(meetings.map((meeting) => meeting._id)) }, { meetingId: 1, userId: 1 })
        .limit(STAYS_MAX)
        .lean()
    : [];
  const attended = new Map<string, Set<string>>();
  for (const stay of stays) {
    const key = stay.userId.toString();
    attended.set(key, (attended.get(key) ?? new Set()).add(stay.meetingId.toString()));
  }
  const jsts = await jstsByIds(users.flatMap((user) => (user.jstId ? [user.jstId] : [])));
  const usersById = new Map(users.map((user) => [user._id.toString(), user]));
  return memberships
    .flatMap((membership) => {
      const user = usersById.get(membership.userId.toString());
      if (!user) return [];
      const jst = user.jstId ? jsts.get(user.jstId.toString()) : undefined;
      const entry: RosterEntry = {
        username: user.username,
        name: user.name,
        jst: jst ? { teryt: jst.teryt, name: jst.name, type: jst.type } : null,
        position: user.position ?? null,
        role: membership.role as GroupRole,
        joinedAt: membership.createdAt.toISOString(),
        lastActiveAt: user.lastSeenAt ? user.lastSeenAt.toISOString() : null,
        sessionsAttended: attended.get(user._id.toString())?.size ?? 0,
      };
      return [entry];
    })
    .sort((a, b) => a.name.localeCompare(b.name, "pl"));
}

const ROLE_NAMES: Record<GroupRole, string> = { facilitator: "prowadzący", member: "członek" };

export function groupMemberRoutes(): Router {
  const router = Router();

  route(router, endpoints.programme.members, async ({ actor, params }) => {
    const group = await groupFor(actor, params.slug, "seeRoster");
    const manage = can(actor, "manageMembers", "Group", group);
    const targets = manage
      ? await Group.find({ archivedAt: null }, { slug: 1, name: 1, cohort: 1 })
          .sort({ name: 1 })
          .limit(GROUPS_MAX)
          .lean()
      : [];
    return {
      group: {
        slug: group.slug,
        name: group.name,
        archived: group.archivedAt !== null && group.archivedAt !== undefined,
        sessionCount: await sessionCountOf(group),
      },
      members: await roster(group),
      moveTargets: targets
        .filter((target) => !target._id.equals(group._id))
        .map((target) => ({ slug: target.slug, name: target.name, cohort: target.cohort })),
      can: { manageMembers: manage },
    };
  });

  route(router, endpoints.programme.membersCsv, async ({ actor, params }, _req, res) => {
    const group = await groupFor(actor, params.slug, "seeRoster");
    const members = await roster(group);
    const csv = spreadsheetCsv(
      [
        "Imię i nazwisko",
        "JST",
        "Kod TERYT",
        "Stanowisko",
        "Rola w grupie",
        "W grupie od",
        "Ostatnio aktywny",
        "Spotkania",
      ],
      members.map((member) => [
        member.name,
        member.jst?.name ?? "",
        member.jst?.teryt ?? "",
        member.position ?? "",
        ROLE_NAMES[member.role],
        member.joinedAt.slice(0, 10),
        member.lastActiveAt ? member.lastActiveAt.slice(0, 10) : "",
        member.sessionsAttended,
      ]),
    );
    return sent(res.type("text/csv; charset=utf-8").attachment(`sklad-${group.slug}.csv`).send(csv));
  });

  route(router, endpoints.programme.memberCandidates, async ({ actor, params, query }) => {
    const group = await groupFor(actor, params.slug, "manageMembers");
    const { q } = query();
    const needle = foldPolish(q);
    if (needle.length < 2) return { candidates: [] };
    const inGroup = new Set(
      (await Membership.find({ groupId: group._id }, { userId: 1 }).limit(MEMBERS_MAX).lean()).map((m) =>
        m.userId.toString(),
      ),
    );
    // Active accounts by name or address; the forum has a few thousand people, read in name order.
    const users = await User.find({ status: "active" }, { username: 1, name: 1, email: 1, jstId: 1 })
      .sort({ name: 1 })
      .limit(USERS_SCANNED_MAX)
      .lean();
    const matches = users
      .filter((user) => !inGroup.has(user._id.toString()))
      .filter((user) => foldPolish(user.name).includes(needle) || user.email.includes(needle))
      .slice(0, CANDIDATES_MAX);
    const jsts = await jstsByIds(matches.flatMap((user) => (user.jstId ? [user.jstId] : [])));
    return {
      candidates: matches.map((user) => ({
        username: user.username,
        name: user.name,
        email: user.email,
        jst: user.jstId ? (jsts.get(user.jstId.toString())?.name ?? null) : null,
      })),
    };
  });

  route(router, endpoints.programme.addMembers, async ({ actor, user, params, body, context }) => {
    const group = await groupFor(actor, params.slug, "manageMembers");
    const input = body();
    const usernames = [...new Set(input.usernames.map((name) => name.toLowerCase()))];
    const people = await User.find({ username: anyOf(usernames) }, { username: 1, status: 1 }).lean();
    const unknown = usernames.filter(
      (name) => !people.some((person) => person.username === name && person.status === "active"),
    );
    if (unknown.length > 0) {
      const message = `Nie ma aktywnego konta: ${unknown.join(", ")}.`;
      throw badRequest(message, { usernames: message });
    }
    const added: string[] = [];
    const already: string[] = [];
    for (const person of people) {
      const result = await groupMemberAdder({
        groupId: group._id,
        userId: person._id as mongoose.Types.ObjectId,
        role: input.role,
        actorId: user._id,
        context,
      });
      (result.added ? added : already).push(person.username);
    }
    return { added, already };
  });

  route(router, endpoints.programme.removeMember, async ({ actor, user, params, context }) => {
    const group = await groupFor(actor, params.slug, "manageMembers");
    const member = await memberNamed(group, params.username);
    await groupMemberRemover({ groupId: group._id, userId: member._id, actorId: user._id, context });
  });

  route(router, endpoints.programme.moveMember, async ({ actor, user, params, body, context }) => {
    const group = await groupFor(actor, params.slug, "manageMembers");
    const member = await memberNamed(group, params.username);
    const { toGroup } = body();
    const target = await Group.findOne({ slug: toGroup }).lean();
    if (!target || !can(actor, "manageMembers", "Group", target)) {
      const message = target ? "Do grupy w archiwum nie można nikogo przenieść." : "Nie ma takiej grupy.";
      throw badRequest(message, { toGroup: message });
    }
    await groupMemberMover({ from: group, to: target, userId: member._id, actorId: user._id, context });
    return { to: { slug: target.slug, name: target.name } };
  });

  route(router, endpoints.programme.setMemberRole, async ({ actor, user, params, body, context }) => {
    const group = await groupFor(actor, params.slug, "manageMembers");
    const member = await memberNamed(group, params.username);
    await groupMemberRoleSetter({
      groupId: group._id,
      userId: member._id,
      role: body().role,
      actorId: user._id,
      context,
    });
  });

  return router;
}
