import type mongoose from "mongoose";
import { MEETING_DAYS, type MeetingDay } from "@forum/shared";
import { anyOf } from "../db/anyOf.js";
import { nextDay, warsawDay } from "../domain/warsawTime.js";
import { Attendance } from "../models/Attendance.js";

/**
 * More stays than any session has (about 30 people, each reconnecting now and then, over two days); a bound, not
 * a page. Per person and day one stay is enough to count, so the figures never depend on the bound being reached.
 */
const STAYS_PER_MEETING_MAX = 20_000;

/** meeting id → person id → the session days they were in the room. */
export type DaysAttended = Map<string, Map<string, Set<MeetingDay>>>;

/**
 * Who attended which day of the given meetings: a person attended day N when they have at least one stay of
 * that day in the live room. Read by meeting id (the attendance index's prefix).
 */
export async function daysAttended(
  meetingIds: readonly mongoose.Types.ObjectId[],
  userId?: mongoose.Types.ObjectId,
): Promise<DaysAttended> {
  const result: DaysAttended = new Map();
  if (meetingIds.length === 0) return result;
  const stays = await Attendance.find(
    { meetingId: anyOf(meetingIds), ...(userId ? { userId } : {}) },
    { meetingId: 1, userId: 1, day: 1 },
  )
    .limit(STAYS_PER_MEETING_MAX * meetingIds.length)
    .lean();
  for (const stay of stays) {
    const meetingKey = stay.meetingId.toString();
    const people = result.get(meetingKey) ?? new Map<string, Set<MeetingDay>>();
    result.set(meetingKey, people);
    const personKey = stay.userId.toString();
    const days = people.get(personKey) ?? new Set<MeetingDay>();
    people.set(personKey, days);
    days.add((stay.day ?? 1) as MeetingDay);
  }
  return result;
}

/** The Polish calendar day of each day of a session: day 1 is the day it starts, day 2 the next. */
export function sessionDayDates(meeting: { startsAt: Date }): Record<MeetingDay, string> {
  const first = warsawDay(meeting.startsAt);
  return { 1: first, 2: nextDay(first) };
}

/** The days a person attended, as Polish calendar days, in order. */
export const attendedDates = (meeting: { startsAt: Date }, days: ReadonlySet<MeetingDay> | undefined): string[] => {
  const dates = sessionDayDates(meeting);
  return MEETING_DAYS.filter((day) => days?.has(day)).map((day) => dates[day]);
};
