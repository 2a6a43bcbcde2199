import type { MeetingDay } from "@forum/shared";
import type { MeetingDocument } from "../models/Meeting.js";
import { nextDay, polishDay, warsawDay, warsawMidnight } from "./warsawTime.js";

type DatedMeeting = Pick<MeetingDocument, "startsAt" | "endsAt">;

/** 2 for a session over two Polish dates, 1 when it starts and ends on the same date. */
export const lastDayOf = (meeting: DatedMeeting): MeetingDay =>
  warsawDay(meeting.endsAt) > warsawDay(meeting.startsAt) ? 2 : 1;

/** The Polish date each day is planned for: day 1 the date of `startsAt`, day 2 the next date. */
export function plannedDates(meeting: DatedMeeting): string[] {
  const first = warsawDay(meeting.startsAt);
  return lastDayOf(meeting) === 2 ? [first, nextDay(first)] : [first];
}

export const plannedDateOf = (meeting: DatedMeeting, day: MeetingDay): string =>
  plannedDates(meeting)[day - 1] ?? nextDay(warsawDay(meeting.startsAt));

/** "poniedziałek, 7 grudnia 2026" for a planned date "YYYY-MM-DD" (noon, so no time zone moves it). */
export const plannedDateInWords = (date: string): string =>
  polishDay(new Date(warsawMidnight(date).getTime() + 12 * 3_600_000));

/** The room is paused between days (chat, questions and polls read-only). */
export const isPaused = (meeting: Pick<MeetingDocument, "status" | "room">): boolean =>
  meeting.status === "live" && Boolean(meeting.room?.dayClosedAt);

/** Why writing in a paused room is refused. */
export function pausedMessage(meeting: DatedMeeting & { room?: { day?: number | null } | null }): string {
  const day = meeting.room?.day ?? 1;
  const next = day < lastDayOf(meeting) ? "pokój wznowi się w dniu 2" : "spotkanie czeka na zakończenie";
  return `Dzień ${day} zakończony — ${next}. Teraz nie można pisać, pytać ani głosować.`;
}
