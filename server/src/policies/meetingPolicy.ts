import type mongoose from "mongoose";
import type { MeetingStatus, Role } from "@forum/shared";
import { allow, refuse } from "./policy.js";
import {
  ARCHIVED_GROUP_MESSAGE,
  inArchivedGroup,
  isSilenced,
  isStaff,
  moderatesGroup,
  readsAllGroups,
  type Actor,
} from "./actor.js";

export interface MeetingSubject {
  groupId: mongoose.Types.ObjectId;
  status: MeetingStatus;
  room?: {
    mutedUserIds?: mongoose.Types.ObjectId[] | null;
    noteTakerId?: mongoose.Types.ObjectId | null;
    invitedExpertIds?: mongoose.Types.ObjectId[] | null;
  } | null;
}

const includesActor = (ids: mongoose.Types.ObjectId[] | null | undefined, actor: Actor): boolean =>
  (ids ?? []).some((id) => id.toString() === actor.id);

/** The group's own people, moderators, and experts the moderator invited into this room. */
function belongsInRoom(actor: Actor, meeting: MeetingSubject): boolean {
  if (isStaff(actor) || actor.groups.has(meeting.groupId.toString())) return true;
  return actor.role === "expert" && includesActor(meeting.room?.invitedExpertIds, actor);
}

/** A meeting is seen by whoever reads its group (members, experts, moderators). */
allow<MeetingSubject>("Meeting", ["read"], (actor, meeting) => {
  if (!actor) return false;
  return readsAllGroups(actor) || actor.groups.has(meeting.groupId.toString());
});

/** Scheduling, editing the plan, opening and ending the room, inviting experts, running the room: ZMP, and a group's facilitators for its meetings. */
allow<MeetingSubject>("Meeting", ["manage", "moderateRoom"], (actor, meeting) => {
  if (!actor || !moderatesGroup(actor, meeting.groupId)) return false;
  return inArchivedGroup(actor, meeting.groupId) ? refuse(ARCHIVED_GROUP_MESSAGE) : true;
});

/** Taking back the end of a session (its archive thread is then rewritten): admins only. */
allow<MeetingSubject>("Meeting", ["reopen"], (actor) => actor?.role === "admin");

/** Entering the live room: only while it is live. */
allow<MeetingSubject>("Meeting", ["joinRoom"], (actor, meeting) => {
  if (!actor || meeting.status !== "live") return false;
  return belongsInRoom(actor, meeting);
});

/** Writing in the room (chat, questions, votes, raising a hand): not when muted there or silenced in the forum. */
allow<MeetingSubject>("Meeting", ["chat"], (actor, meeting) => {
  if (!actor || meeting.status !== "live" || !belongsInRoom(actor, meeting)) return false;
  if (inArchivedGroup(actor, meeting.groupId)) return refuse(ARCHIVED_GROUP_MESSAGE);
  if (moderatesGroup(actor, meeting.groupId)) return true;
  return !isSilenced(actor) && !includesActor(meeting.room?.mutedUserIds, actor);
});

/** The minutes: moderators, and the note-taker the moderator named. */
allow<MeetingSubject>("Meeting", ["editMinutes"], (actor, meeting) => {
  if (!actor) return false;
  if (!moderatesGroup(actor, meeting.groupId) && (meeting.room?.noteTakerId?.toString() ?? null) !== actor.id)
    return false;
  return inArchivedGroup(actor, meeting.groupId) ? refuse(ARCHIVED_GROUP_MESSAGE) : true;
});

/** The attendance list (names and times): moderators and the group's facilitators. */
allow<MeetingSubject>("Meeting", ["seeAttendance"], (actor, meeting) => {
  if (!actor) return false;
  return isStaff(actor) || actor.groups.get(meeting.groupId.toString()) === "facilitator";
});

/** Moderators are exempt from a room's slow mode (as from a thread's, see `Thread:bypassLock`). */
allow<MeetingSubject>("Meeting", ["bypassSlowMode"], (actor, meeting) =>
  actor ? moderatesGroup(actor, meeting.groupId) : false,
);

/** A person in a room, as a moderator's control sees them. */
export interface RoomParticipantSubject {
  role: Role;
}
/** A room's moderator mutes participants, but not the moderators and admins who run rooms. */
allow<RoomParticipantSubject>("RoomParticipant", ["mute"], (actor, person) => actor !== null && !isStaff(person));
