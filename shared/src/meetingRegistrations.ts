import type { MeetingDay, RegistrationMode } from "./constants.js";

/** How one person takes part in one day of a session. */
export interface RegistrationDayView {
  day: MeetingDay;
  mode: RegistrationMode;
}

/** A person's answer to a session's sign-up. */
export interface MyRegistrationView {
  days: RegistrationDayView[];
  note: string;
  updatedAt: string;
}

/** The sign-up as the meeting page shows it to the viewer: their answer and what they may do. */
export interface MeetingRegistrationStatus {
  /** The viewer's answer, null while they have not answered. */
  mine: MyRegistrationView | null;
  /** After this instant a member's change needs a moderator; null = open until the session ends. */
  closesAt: string | null;
  /** The viewer belongs to the group and may answer now. */
  canRegister: boolean;
  /** Why the viewer cannot answer now (deadline passed, session over), shown next to the answer; else null. */
  closedReason: string | null;
  /** The viewer sees everyone's answers, reminds and answers for others (moderators, facilitators). */
  canManage: boolean;
}

/** How many people chose each mode for one day. */
export interface RegistrationDayCounts {
  day: MeetingDay;
  onsite: number;
  online: number;
  absent: number;
}

/** One group member's answer, in the registrations panel. */
export interface RegistrationRow {
  userId: string;
  name: string;
  days: RegistrationDayView[];
  note: string;
  updatedAt: string;
}

/** The session's sign-ups as moderators and facilitators see them. */
export interface MeetingRegistrationsView {
  closesAt: string | null;
  counts: RegistrationDayCounts[];
  registrations: RegistrationRow[];
  /** Group members without an answer, by name. */
  notAnswered: { userId: string; name: string }[];
  /** The Polish day ("YYYY-MM-DD") of the last reminder, null when none was sent. */
  lastRemindedOn: string | null;
}

/** What the reminder did. */
export interface RegistrationReminderResult {
  /** How many people were e-mailed. */
  sent: number;
  remindedOn: string;
}
