import type { MeetingStatus } from "@forum/shared/constants";
import type { AgendaItemView, MeetingView } from "@forum/shared/meetings";
import { warsawDateTime } from "@forum/shared/warsawTime";

/** The plan form's fields (strings, as the inputs hold them). */
export interface MeetingPlanDraft {
  number: string;
  title: string;
  firstDay: string;
  secondDay: string;
  startTime: string;
  endTime: string;
  venue: string;
  onlineUrl: string;
  description: string;
  /** The last Polish day of the sign-up ("" = open until the session). */
  registrationClosesOn: string;
}

/** The plan form filled from a stored meeting (its Polish dates and times). */
export function draftFromMeeting(meeting: MeetingView): MeetingPlanDraft {
  const start = warsawDateTime(new Date(meeting.startsAt));
  const end = warsawDateTime(new Date(meeting.endsAt));
  return {
    number: String(meeting.number),
    title: meeting.title,
    firstDay: start.date,
    secondDay: end.date,
    startTime: start.time,
    endTime: end.time,
    venue: meeting.venue,
    onlineUrl: meeting.onlineUrl ?? "",
    description: meeting.description,
    registrationClosesOn: meeting.registration?.closesAt
      ? warsawDateTime(new Date(meeting.registration.closesAt)).date
      : "",
  };
}

/** An empty plan: the first free session number, the usual 9:00–15:00. */
/** The session numbers a group may use: 1…its cohort's number of sessions (9 by default). */
export const sessionNumbers = (sessionCount: number): number[] =>
  Array.from({ length: Math.max(1, sessionCount) }, (_, index) => index + 1);

export function emptyDraft(takenNumbers: number[], sessionCount = 9): MeetingPlanDraft {
  const free = sessionNumbers(sessionCount).find((number) => !takenNumbers.includes(number)) ?? 1;
  return {
    number: String(free),
    title: "",
    firstDay: "",
    secondDay: "",
    startTime: "09:00",
    endTime: "15:00",
    venue: "",
    onlineUrl: "",
    description: "",
    registrationClosesOn: "",
  };
}

/** The Polish calendar day ("YYYY-MM-DD") of each of the meeting's two days. */
export function meetingDays(meeting: { startsAt: string; endsAt: string }): [string, string] {
  return [warsawDateTime(new Date(meeting.startsAt)).date, warsawDateTime(new Date(meeting.endsAt)).date];
}

/** "poniedziałek, 8 grudnia 2026" for a Polish calendar day. */
export function longDay(day: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, {
    weekday: "long",
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  }).format(new Date(`${day}T12:00:00Z`));
}

/** "09:00" in Polish time. */
export const warsawTime = (iso: string): string => warsawDateTime(new Date(iso)).time;

/** The agenda items of day 1 or 2, in the order the moderator arranged them. */
export const itemsOfDay = (agenda: AgendaItemView[], day: 1 | 2): AgendaItemView[] =>
  agenda.filter((item) => item.day === day);

/** i18n key of a status name. */
export const statusKey = (status: MeetingStatus): string => `meetings.status.${status}`;

/** "listopad 2026" */
export function monthName(month: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { month: "long", year: "numeric", timeZone: "UTC" }).format(
    new Date(`${month}-15T12:00:00Z`),
  );
}

/** The month "YYYY-MM" `delta` months away. */
export function shiftMonth(month: string, delta: number): string {
  const [year, monthNumber] = month.split("-").map(Number) as [number, number];
  const index = year * 12 + (monthNumber - 1) + delta;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`;
}

/** This month in Poland, "YYYY-MM". */
export const currentMonth = (now = new Date()): string => warsawDateTime(now).date.slice(0, 7);

/**
 * A session's title without a leading "Sesja 4", "Spotkanie 4:" or "Session 4 –" of its own number, for places
 * that already say "Spotkanie 4 z 9" ("Spotkanie 4 z 9: Sesja 4: dane…" said it twice). Empty when the title
 * was only that.
 */
export function titleWithoutNumber(title: string, number: number): string {
  const prefix = new RegExp(
    `^\\s*(?:sesja|spotkanie|session|meeting)\\s+(?:nr\\.?\\s*)?${number}(?!\\d)\\s*[:.,–—-]?\\s*`,
    "iu",
  );
  return title.replace(prefix, "").trim();
}
