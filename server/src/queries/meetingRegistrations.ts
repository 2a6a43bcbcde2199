import type mongoose from "mongoose";
import type { GroupRole } from "@forum/shared";
import { anyOf } from "../db/anyOf.js";
import { Membership } from "../models/Membership.js";
import { MeetingRegistration, type MeetingRegistrationDocument } from "../models/MeetingRegistration.js";
import { User } from "../models/User.js";

/** A group has about 30 members; a bound well above any group, not a page. */
const GROUP_MEMBERS_MAX = 500;

export interface RosterPerson {
  _id: mongoose.Types.ObjectId;
  name: string;
  email: string;
  groupRole: GroupRole;
}

/** The group's active people (facilitators included), by name. */
export async function groupRoster(groupId: mongoose.Types.ObjectId): Promise<RosterPerson[]> {
  const memberships = await Membership.find({ groupId }, { userId: 1, role: 1 }).limit(GROUP_MEMBERS_MAX).lean();
  if (memberships.length === 0) return [];
  const roles = new Map(memberships.map((membership) => [membership.userId.toString(), membership.role]));
  const people = await User.find({ _id: anyOf([...roles.keys()]), status: "active" }, { name: 1, email: 1 })
    .sort({ name: 1 })
    .limit(GROUP_MEMBERS_MAX)
    .lean();
  return people.map((person) => ({ ...person, groupRole: roles.get(person._id.toString()) ?? "member" }));
}

/** Every answer to a session's sign-up (at most one per group member). */
export const registrationsOf = (meetingId: mongoose.Types.ObjectId): Promise<MeetingRegistrationDocument[]> =>
  MeetingRegistration.find({ meetingId }).limit(GROUP_MEMBERS_MAX).lean();

/** The group's members who have not answered (facilitators run the session: they may answer, nobody chases them). */
export const notAnsweredOf = (roster: RosterPerson[], registrations: MeetingRegistrationDocument[]): RosterPerson[] => {
  const answered = new Set(registrations.map((registration) => registration.userId.toString()));
  return roster.filter((person) => person.groupRole === "member" && !answered.has(person._id.toString()));
};

/** One person's answers for the given sessions (a list page's meetings), by meeting id. */
export async function myRegistrations(
  userId: mongoose.Types.ObjectId | string,
  meetingIds: mongoose.Types.ObjectId[],
): Promise<Map<string, MeetingRegistrationDocument>> {
  if (meetingIds.length === 0) return new Map();
  const found = await MeetingRegistration.find({ userId, meetingId: anyOf(meetingIds) })
    .limit(meetingIds.length)
    .lean();
  return new Map(found.map((registration) => [registration.meetingId.toString(), registration]));
}
