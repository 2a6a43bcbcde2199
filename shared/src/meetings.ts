import type { AttachmentView } from "./api.js";
import type {
  MeetingDay,
  MeetingStatus,
  RoomPollResultsVisibility,
  RoomPollStatus,
  RoomQuestionStatus,
} from "./constants.js";
import type { MeetingRegistrationStatus } from "./meetingRegistrations.js";

/** One point of the programme (day 1 or 2, times "HH:MM" in Polish time). */
export interface AgendaItemView {
  id: string;
  day: 1 | 2;
  startTime: string;
  endTime: string;
  title: string;
  speaker: string;
  description: string;
  materials: AttachmentView[];
}

/** A meeting page: the plan, and (once held) links to what was kept. */
export interface MeetingView {
  id: string;
  number: number;
  /** The group's number of sessions (its cohort's, 9 by default): the numbers a session may have. */
  sessionCount?: number;
  title: string;
  description: string;
  startsAt: string;
  endsAt: string;
  venue: string;
  onlineUrl: string | null;
  status: MeetingStatus;
  group: { id: string; slug: string; name: string };
  agenda: AgendaItemView[];
  /** The minutes as rendered HTML (sanitized), empty until someone writes them. */
  minutesHtml: string;
  archiveThreadId: string | null;
  /** What the viewer may do here. */
  can: { edit: boolean; openRoom: boolean; joinRoom: boolean; seeAttendance: boolean };
  /** The session day by day: where the room is, and which day controls the viewer may use. */
  days?: MeetingDaysView;
  /** The sign-up: the viewer's answer, its deadline, and what the viewer may do with it. */
  registration?: MeetingRegistrationStatus;
}

/** A two-day session's room state and the day controls allowed now (none for those who may not run it). */
export interface MeetingDaysView {
  /** The day the room runs or last ran. */
  current: MeetingDay;
  /** When the current day was closed (the room is paused until the next opens), else null. */
  dayClosedAt: string | null;
  /** 2 for a two-day session, 1 when it starts and ends on the same Polish date. */
  lastDay: MeetingDay;
  /** The planned Polish date of each day, "YYYY-MM-DD". */
  plannedDates: string[];
  can: { openDay: MeetingDay | null; closeDay: MeetingDay | null; end: boolean; reopen: boolean };
}

/** Someone in the live room now. */
export interface RoomParticipant {
  userId: string;
  name: string;
  /** Their JST's name (e.g. "Gmina Wieliczka"), or null. */
  jst: string | null;
  role: "moderator" | "expert" | "member";
  handRaised: boolean;
  muted: boolean;
  /**
   * Runs the room (sent only when so, absent otherwise): cannot be muted, and needs no naming as note-taker
   * to edit the minutes. The client decides from this, not from `role`, which is only shown.
   */
  moderatesRoom?: boolean;
}

export interface RoomMessageView {
  id: string;
  meetingId: string;
  /** The room's order: 1, 2, 3 … without gaps (a removed message keeps its number, with empty text). */
  seq: number;
  clientId: string;
  author: { id: string; name: string };
  text: string;
  removed: boolean;
  createdAt: string;
}

export interface RoomQuestionView {
  id: string;
  author: { id: string; name: string };
  text: string;
  voteCount: number;
  /** The viewer voted for it (false in pushes; each client tracks its own). */
  votedByMe: boolean;
  status: RoomQuestionStatus;
  answer: string;
  createdAt: string;
}

export interface RoomPollView {
  id: string;
  question: string;
  multiple: boolean;
  resultsVisibility: RoomPollResultsVisibility;
  status: RoomPollStatus;
  options: { id: string; text: string; votes: number | null }[];
  /** null while the viewer may not see results. */
  totalVotes: number | null;
  /** The options the viewer chose (empty in pushes; each client tracks its own). */
  myVote: string[];
}

export interface RoomMinutesView {
  markdown: string;
  html: string;
  version: number;
  updatedAt: string | null;
  updatedBy: { id: string; name: string } | null;
}

/** The room's shared state, pushed whenever a moderator changes it. */
export interface RoomStateView {
  meetingId: string;
  status: MeetingStatus;
  currentAgendaItemId: string | null;
  slowModeSeconds: number;
  pinnedMessage: RoomMessageView | null;
  mutedUserIds: string[];
  noteTakerId: string | null;
  invitedExpertIds: string[];
  /** The session's day the room runs; `dayClosedAt` set while paused between days (chat read-only). */
  day: MeetingDay;
  dayClosedAt: string | null;
}

/** Everything a client needs on (re)joining a room; messages are those after the last one it saw. */
export interface RoomSnapshot {
  meeting: MeetingView;
  state: RoomStateView;
  participants: RoomParticipant[];
  messages: RoomMessageView[];
  /** More chat lines follow those sent (a long absence): join again with the last one's seq. */
  hasMoreMessages?: boolean;
  questions: RoomQuestionView[];
  polls: RoomPollView[];
  minutes: RoomMinutesView;
  /** What the viewer may do in the room. */
  can: { chat: boolean; moderate: boolean; editMinutes: boolean };
}

/** One person's presence at a meeting (per day or in total), for the attendance list. */
export interface AttendanceRow {
  userId: string;
  name: string;
  jst: string | null;
  /** Polish calendar day "YYYY-MM-DD" (null in the whole-meeting total). */
  day: string | null;
  firstJoinedAt: string;
  lastLeftAt: string | null;
  minutesPresent: number;
}
