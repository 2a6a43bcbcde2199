import { MEETING_DAYS, type MeetingDay, type RegistrationMode } from "@forum/shared";
import { anyOf } from "../db/anyOf.js";
import { Cohort } from "../models/Cohort.js";
import type { GroupDocument } from "../models/Group.js";
import type { MeetingDocument } from "../models/Meeting.js";
import { MeetingRegistration } from "../models/MeetingRegistration.js";
import { User } from "../models/User.js";
import { jstsByIds } from "./jstCatalogue.js";
import { daysAttended, sessionDayDates } from "./sessionAttendance.js";

/** A session has about 30 people signed up; a bound, not a page. */
const REGISTRATIONS_MAX = 2_000;

export interface AttendanceSheetRow {
  name: string;
  jst: string;
  position: string;
  /** How they signed up; null for someone who came without signing up (seen in the live room). */
  mode: Exclude<RegistrationMode, "absent"> | null;
  attended: boolean;
}

export interface AttendanceSheetDay {
  day: MeetingDay;
  date: string;
  rows: AttendanceSheetRow[];
}

export interface AttendanceSheetData {
  programme: string;
  group: string;
  meeting: { number: number; title: string; startsAt: Date; endsAt: Date; venue: string };
  days: AttendanceSheetDay[];
}

/**
 * Each day's list: everyone signed up for it (on site or online) pre-filled, then those who were in the live
 * room that day without signing up; by name in Polish order.
 */
export async function attendanceSheet(
  meeting: MeetingDocument,
  group: Pick<GroupDocument, "name" | "cohort" | "cohortId">,
): Promise<AttendanceSheetData> {
  const [registrations, attended, cohort] = await Promise.all([
    MeetingRegistration.find({ meetingId: meeting._id }, { userId: 1, days: 1 }).limit(REGISTRATIONS_MAX).lean(),
    daysAttended([meeting._id]),
    group.cohortId ? Cohort.findById(group.cohortId, { name: 1 }).lean() : null,
  ]);
  const present = attended.get(meeting._id.toString()) ?? new Map<string, Set<MeetingDay>>();
  const userIds = [...new Set([...registrations.map((entry) => entry.userId.toString()), ...present.keys()])];
  const users = userIds.length
    ? await User.find({ _id: anyOf(userIds) }, { name: 1, position: 1, jstId: 1 }).lean()
    : [];
  const jsts = await jstsByIds(users.flatMap((user) => user.jstId ?? []));
  const people = new Map(users.map((user) => [user._id.toString(), user]));
  const dates = sessionDayDates(meeting);

  const days = MEETING_DAYS.map((day): AttendanceSheetDay => {
    const modes = new Map<string, AttendanceSheetRow["mode"]>();
    for (const registration of registrations) {
      const mode = registration.days.find((entry) => entry.day === day)?.mode;
      if (mode && mode !== "absent") modes.set(registration.userId.toString(), mode);
    }
    for (const [userId, own] of present) if (own.has(day) && !modes.has(userId)) modes.set(userId, null);
    const rows = [...modes].map(([userId, mode]): AttendanceSheetRow => {
      const person = people.get(userId);
      return {
        name: person?.name ?? "—",
        jst: person?.jstId ? (jsts.get(person.jstId.toString())?.name ?? "") : "",
        position: person?.position ?? "",
        mode,
        attended: present.get(userId)?.has(day) ?? false,
      };
    });
    rows.sort((a, b) => a.name.localeCompare(b.name, "pl"));
    return { day, date: dates[day], rows };
  });

  return {
    programme: cohort?.name ?? group.cohort,
    group: group.name,
    meeting: {
      number: meeting.number,
      title: meeting.title,
      startsAt: meeting.startsAt,
      endsAt: meeting.endsAt,
      venue: meeting.venue ?? "",
    },
    days,
  };
}
