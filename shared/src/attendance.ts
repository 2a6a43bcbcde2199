import type { AttendanceRow, MeetingView, RoomMinutesView, RoomStateView } from "./meetings.js";

/** One Polish calendar day of a meeting's attendance list. */
export interface AttendanceDay {
  /** "YYYY-MM-DD" in Polish time. */
  day: string;
  rows: AttendanceRow[];
}

/** The attendance list (lista obecności) of one meeting: per day and for the whole meeting. */
export interface AttendanceReport {
  meeting: {
    id: string;
    number: number;
    title: string;
    startsAt: string;
    endsAt: string;
    venue: string;
    status: string;
    group: { id: string; slug: string; name: string };
  };
  days: AttendanceDay[];
  /** One row per person (day = null), sorted by name. */
  total: AttendanceRow[];
  /** Distinct people and JSTs present at any time. */
  people: number;
  jsts: number;
  /** Distinct (person, day) pairs: how project reports count participation in two-day sessions. */
  personDays: number;
}

/** The minutes save was refused because someone else saved first: the current minutes, to merge with. */
export interface MinutesConflictBody {
  error: { code: "conflict"; message: string };
  minutes: RoomMinutesView;
}

/** Answer of the moderator's room controls (agenda item, note-taker). */
export interface RoomRecordStateResponse {
  state: RoomStateView;
}

/** Answer of a successful minutes save. */
export interface MinutesSaveResponse {
  minutes: RoomMinutesView;
}

/** Answer of closing the room: its final state and the archive thread. */
export interface RoomCloseResponse {
  state: RoomStateView;
  archiveThreadId: string;
  /** The meeting as the closer now sees it (closed, linked to its archive). */
  meeting: MeetingView;
}
