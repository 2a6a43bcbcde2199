import type mongoose from "mongoose";
import { allow, refuse } from "./policy.js";
import { ARCHIVED_GROUP_MESSAGE, inArchivedGroup, moderatesGroup, readsAllGroups } from "./actor.js";

export interface MeetingRegistrationSubject {
  groupId: mongoose.Types.ObjectId;
}

/** A session's sign-up is seen by whoever sees the session (so refusals below say why instead of 404). */
allow<MeetingRegistrationSubject>("MeetingRegistration", ["read"], (actor, meeting) => {
  if (!actor) return false;
  return readsAllGroups(actor) || actor.groups.has(meeting.groupId.toString());
});

/** Signing oneself up: the group's members and facilitators (staff and experts only read other groups). */
allow<MeetingRegistrationSubject>("MeetingRegistration", ["register"], (actor, meeting) => {
  if (!actor) return false;
  if (!actor.groups.has(meeting.groupId.toString()))
    return refuse("Na spotkanie zapisują się członkowie grupy, która je organizuje.");
  return inArchivedGroup(actor, meeting.groupId) ? refuse(ARCHIVED_GROUP_MESSAGE) : true;
});

/** Everyone's answers, the reminder, and answering for a member after the deadline: ZMP and the group's facilitators. */
allow<MeetingRegistrationSubject>("MeetingRegistration", ["manage"], (actor, meeting) => {
  if (!actor || !moderatesGroup(actor, meeting.groupId)) return false;
  return inArchivedGroup(actor, meeting.groupId) ? refuse(ARCHIVED_GROUP_MESSAGE) : true;
});
