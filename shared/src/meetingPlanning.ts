import type { MeetingSummary } from "./api.js";

/** A group's sessions: the next ones soonest first, the held ones latest first. */
export interface GroupMeetingsView {
  upcoming: MeetingSummary[];
  past: MeetingSummary[];
  /** The viewer may schedule sessions for this group. */
  canSchedule: boolean;
  /** Sessions the group holds (its cohort's number, 9 by default): numbers run 1…sessionCount. */
  sessionCount: number;
}

/** The sessions of the viewer's groups that touch one Polish calendar month. */
export interface CalendarMonthView {
  /** "YYYY-MM" */
  month: string;
  meetings: MeetingSummary[];
}

/** The private iCal feeds, given once right after the token is made (only its hash is kept). */
export interface CalendarFeedLinks {
  /** The sessions of every group my calendar shows (all groups for staff and experts). */
  personalUrl: string;
  /** One feed per group I am a member of. */
  groups: { slug: string; name: string; url: string }[];
}

/** Whether I have a feed token, and the feeds when it was just made. */
export interface CalendarTokenStatus {
  active: boolean;
  createdAt: string | null;
  links: CalendarFeedLinks | null;
}

/** An expert a moderator may invite into a room. */
export interface ExpertChoice {
  id: string;
  name: string;
}

/** The experts a moderator may invite into a session's room, and those invited. */
export interface MeetingExpertsView {
  experts: ExpertChoice[];
  invitedExpertIds: string[];
}
