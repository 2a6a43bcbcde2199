import type {
  MeetingRegistrationsView,
  MeetingRegistrationStatus,
  MyRegistrationView,
  RegistrationDayCounts,
} from "@forum/shared";
import { MEETING_DAYS } from "@forum/shared";
import { registrationClosedReason } from "../domain/registrationWindow.js";
import type { MeetingDocument } from "../models/Meeting.js";
import type { MeetingRegistrationDocument } from "../models/MeetingRegistration.js";
import { can, type Actor } from "../policies/index.js";
import { notAnsweredOf, type RosterPerson } from "../queries/meetingRegistrations.js";

/** A stored answer as people see it. */
export const presentMyRegistration = (registration: MeetingRegistrationDocument): MyRegistrationView => ({
  days: registration.days.map((day) => ({ day: day.day === 2 ? 2 : 1, mode: day.mode })),
  note: registration.note ?? "",
  updatedAt: (registration.updatedAt ?? new Date()).toISOString(),
});

/** The sign-up as the meeting page shows it to this person. */
export function presentRegistrationStatus(
  meeting: MeetingDocument,
  actor: Actor | null,
  mine: MeetingRegistrationDocument | null,
  now = new Date(),
): MeetingRegistrationStatus {
  const closedReason = registrationClosedReason(meeting, now);
  return {
    mine: mine ? presentMyRegistration(mine) : null,
    closesAt: meeting.registrationClosesAt?.toISOString() ?? null,
    canRegister: can(actor, "register", "MeetingRegistration", meeting) && closedReason === null,
    closedReason: can(actor, "register", "MeetingRegistration", meeting) ? closedReason : null,
    canManage: can(actor, "manage", "MeetingRegistration", meeting),
  };
}

/** Everyone's answers, the counts per day and mode, and who has not answered. */
export function presentRegistrations(
  meeting: MeetingDocument,
  roster: RosterPerson[],
  registrations: MeetingRegistrationDocument[],
  lastRemindedOn: string | null,
): MeetingRegistrationsView {
  const names = new Map(roster.map((person) => [person._id.toString(), person.name]));
  // Answers of people who have since left the group are kept, but no longer counted or listed.
  const current = registrations.filter((registration) => names.has(registration.userId.toString()));
  const counts: RegistrationDayCounts[] = MEETING_DAYS.map((day) => {
    const modes = current.map((registration) => registration.days.find((item) => item.day === day)?.mode);
    return {
      day,
      onsite: modes.filter((mode) => mode === "onsite").length,
      online: modes.filter((mode) => mode === "online").length,
      absent: modes.filter((mode) => mode === "absent").length,
    };
  });
  return {
    closesAt: meeting.registrationClosesAt?.toISOString() ?? null,
    counts,
    registrations: current
      .map((registration) => ({
        userId: registration.userId.toString(),
        name: names.get(registration.userId.toString()) ?? "",
        ...presentMyRegistration(registration),
      }))
      .sort((a, b) => a.name.localeCompare(b.name, "pl")),
    notAnswered: notAnsweredOf(roster, current).map((person) => ({ userId: person._id.toString(), name: person.name })),
    lastRemindedOn,
  };
}
