import type { AttendanceReport, AttendanceRow } from "@forum/shared";
import { anyOf } from "../db/anyOf.js";
import { Attendance, type AttendanceDocument } from "../models/Attendance.js";
import { Jst } from "../models/Jst.js";
import type { MeetingDocument } from "../models/Meeting.js";
import { User } from "../models/User.js";
import type { MeetingGroup } from "../presenters/meetingViewPresenter.js";
import { nextDay, warsawDay, warsawMidnight } from "../domain/warsawTime.js";

/** One stay reduced to what counts: who, from which JST, from when to when (`open`: still in the room). */
interface Stay {
  userId: string;
  jstId: string | null;
  start: number;
  end: number;
  open: boolean;
}

/** One person's presence over a span (a day or the whole meeting), overlapping stays merged. */
export interface Presence {
  userId: string;
  jstId: string | null;
  first: number;
  last: number;
  /** Still in the room (the meeting is live and a stay has not ended). */
  open: boolean;
  milliseconds: number;
}

export interface AttendanceFigures {
  /** Polish day → person → presence, days in order. */
  days: Map<string, Map<string, Presence>>;
  total: Map<string, Presence>;
}

type StayFields = Pick<AttendanceDocument, "userId" | "jstId" | "joinedAt" | "leftAt" | "seenAt">;

/**
 * A stay that has not ended lasts until now while the room is live; once the room is over it ends at
 * its last sign of life (a process that crashed never wrote the leave).
 */
function toStay(stay: StayFields, live: boolean, now: Date): Stay {
  const open = stay.leftAt === null || stay.leftAt === undefined;
  const start = stay.joinedAt.getTime();
  const end = open ? (live ? now.getTime() : stay.seenAt.getTime()) : (stay.leftAt as Date).getTime();
  return {
    userId: stay.userId.toString(),
    jstId: stay.jstId?.toString() ?? null,
    start,
    end: Math.max(start, end),
    open: open && live,
  };
}

/** Cuts a stay at Polish midnights, so a stay past midnight counts on both days. */
function splitByDay(stay: Stay): [string, Stay][] {
  const parts: [string, Stay][] = [];
  let start = stay.start;
  for (;;) {
    const day = warsawDay(new Date(start));
    const midnight = warsawMidnight(nextDay(day)).getTime();
    if (stay.end <= midnight) {
      parts.push([day, { ...stay, start }]);
      return parts;
    }
    parts.push([day, { ...stay, start, end: midnight, open: false }]);
    start = midnight;
  }
}

/** The time covered by some stays (several tabs open at once count once). */
function mergedMilliseconds(stays: Stay[]): number {
  const sorted = [...stays].sort((a, b) => a.start - b.start);
  let total = 0;
  let from = -Infinity;
  let to = -Infinity;
  for (const stay of sorted) {
    if (stay.start > to) {
      if (to > from) total += to - from;
      from = stay.start;
      to = stay.end;
    } else {
      to = Math.max(to, stay.end);
    }
  }
  if (to > from) total += to - from;
  return total;
}

function presenceOf(userId: string, stays: Stay[]): Presence {
  // The JST of the latest stay that knew one (people may change JST between sessions).
  const jstId = [...stays].sort((a, b) => b.start - a.start).find((stay) => stay.jstId)?.jstId ?? null;
  return {
    userId,
    jstId,
    first: Math.min(...stays.map((stay) => stay.start)),
    last: Math.max(...stays.map((stay) => stay.end)),
    open: stays.some((stay) => stay.open),
    milliseconds: mergedMilliseconds(stays),
  };
}

function groupByPerson(stays: Stay[]): Map<string, Presence> {
  const byPerson = new Map<string, Stay[]>();
  for (const stay of stays) byPerson.set(stay.userId, [...(byPerson.get(stay.userId) ?? []), stay]);
  return new Map([...byPerson].map(([userId, own]) => [userId, presenceOf(userId, own)]));
}

/** Who was present when, per Polish day and in total, from a meeting's stays. */
export function attendanceFigures(stays: StayFields[], live: boolean, now = new Date()): AttendanceFigures {
  const whole = stays.map((stay) => toStay(stay, live, now));
  const perDay = new Map<string, Stay[]>();
  for (const [day, part] of whole.flatMap(splitByDay)) perDay.set(day, [...(perDay.get(day) ?? []), part]);
  const days = new Map(
    [...perDay].sort(([a], [b]) => a.localeCompare(b)).map(([day, parts]) => [day, groupByPerson(parts)] as const),
  );
  return { days, total: groupByPerson(whole) };
}

/** Distinct (person, day) pairs. */
export const personDays = (figures: AttendanceFigures): number =>
  [...figures.days.values()].reduce((sum, people) => sum + people.size, 0);

export const meetingStays = (meetingId: MeetingDocument["_id"]): Promise<StayFields[]> =>
  Attendance.find({ meetingId }, { userId: 1, jstId: 1, joinedAt: 1, leftAt: 1, seenAt: 1 })
    .sort({ joinedAt: 1 })
    .lean();

/** The attendance list of a meeting: names, JSTs, times, per day and in total. */
export async function attendanceReport(
  meeting: MeetingDocument,
  group: MeetingGroup,
  now = new Date(),
): Promise<AttendanceReport> {
  const figures = attendanceFigures(await meetingStays(meeting._id), meeting.status === "live", now);
  const userIds = [...figures.total.keys()];
  const jstIds = [...new Set([...figures.total.values()].flatMap((presence) => presence.jstId ?? []))];
  const [users, jsts] = await Promise.all([
    userIds.length ? User.find({ _id: anyOf(userIds) }, { name: 1 }).lean() : [],
    jstIds.length ? Jst.find({ _id: anyOf(jstIds) }, { name: 1 }).lean() : [],
  ]);
  const names = new Map(users.map((user) => [user._id.toString(), user.name]));
  const jstNames = new Map(jsts.map((jst) => [jst._id.toString(), jst.name]));
  const rows = (people: Map<string, Presence>, day: string | null): AttendanceRow[] =>
    [...people.values()]
      .map((presence) => ({
        userId: presence.userId,
        name: names.get(presence.userId) ?? "—",
        jst: presence.jstId ? (jstNames.get(presence.jstId) ?? null) : null,
        day,
        firstJoinedAt: new Date(presence.first).toISOString(),
        lastLeftAt: presence.open ? null : new Date(presence.last).toISOString(),
        minutesPresent: Math.round(presence.milliseconds / 60_000),
      }))
      .sort((a, b) => a.name.localeCompare(b.name, "pl"));

  return {
    meeting: {
      id: meeting._id.toString(),
      number: meeting.number,
      title: meeting.title,
      startsAt: meeting.startsAt.toISOString(),
      endsAt: meeting.endsAt.toISOString(),
      venue: meeting.venue ?? "",
      status: meeting.status,
      group: { id: group._id.toString(), slug: group.slug, name: group.name },
    },
    days: [...figures.days].map(([day, people]) => ({ day, rows: rows(people, day) })),
    total: rows(figures.total, null),
    people: figures.total.size,
    jsts: jstIds.length,
    personDays: personDays(figures),
  };
}
