import mongoose from "mongoose";
import type { CohortReport, CohortReportRow, MeetingDay } from "@forum/shared";
import { anyOf } from "../db/anyOf.js";
import { JST_TYPE_NAMES } from "../domain/jstTypes.js";
import { nextDay, warsawMidnight } from "../domain/warsawTime.js";
import { Analysis } from "../models/Analysis.js";
import type { CohortDocument } from "../models/Cohort.js";
import { Group, type GroupDocument } from "../models/Group.js";
import { Meeting } from "../models/Meeting.js";
import { MeetingRegistration } from "../models/MeetingRegistration.js";
import { Practice } from "../models/Practice.js";
import type { JstDocument } from "../models/Jst.js";
import { jstsByIds } from "./jstCatalogue.js";
import { daysAttended } from "./sessionAttendance.js";

/** A cohort has up to about 100 groups, each at most 30 sessions (Cohort.sessionCount); bounds, not pages. */
const GROUPS_MAX = 1_000;
const MEETINGS_PER_GROUP_MAX = 30;
const REGISTRATIONS_PER_MEETING_MAX = 2_000;
const PRACTICES_MAX = 50_000;

export const COHORT_REPORT_NOTES =
  "Uczestnicy: osoby obecne w pokoju spotkania co najmniej jeden dzień odbytego (zakończonego) spotkania. " +
  "Osobodni: pary (osoba, dzień) obecności na odbytych spotkaniach. " +
  "Zapisy: dni zgłoszone jako „na miejscu” lub „online” na odbytych spotkaniach; obok: ile z nich zakończyło się obecnością. " +
  "Dobre praktyki: opublikowane praktyki przypisane do grupy. " +
  "Analizy: analizy tematyczne opublikowane w okresie edycji (dotyczą całego programu, więc liczone tylko dla edycji).";

/** Person-day keys ("personId:day") of one meeting. */
type PersonDays = Set<string>;

interface GroupFigures {
  group: GroupDocument;
  jsts: JstDocument[];
  participants: Set<string>;
  attendedPersonDays: number;
  sessionsHeld: number;
  registered: number;
  registeredAttended: number;
  practices: number;
}

const tally = (values: string[]): Record<string, number> => {
  const counts: Record<string, number> = {};
  for (const value of values) counts[value] = (counts[value] ?? 0) + 1;
  return Object.fromEntries(Object.entries(counts).sort(([a], [b]) => a.localeCompare(b, "pl")));
};

function rowOf(
  group: CohortReportRow["group"],
  jsts: JstDocument[],
  figures: Omit<CohortReportRow, "group" | "jsts" | "jstsByType" | "jstsByVoivodeship">,
): CohortReportRow {
  return {
    group,
    jsts: jsts.length,
    jstsByType: tally(jsts.map((jst) => JST_TYPE_NAMES[jst.type])),
    jstsByVoivodeship: tally(jsts.map((jst) => jst.voivodeship)),
    ...figures,
  };
}

/**
 * The programme's figures for the funder, per group and for the whole cohort, from the stored attendance,
 * sign-ups and documents (the screen, the XLSX and the CSV all show this). Queries: the cohort's groups, their
 * meetings, then attendance and sign-ups of the held ones by meeting id, practices by group, analyses by date.
 */
export async function cohortReport(cohort: CohortDocument): Promise<CohortReport> {
  const groups = (await Group.find({ cohortId: cohort._id })
    .sort({ name: 1 })
    .limit(GROUPS_MAX)
    .lean()) as GroupDocument[];
  const groupIds = groups.map((group) => group._id);
  const from = warsawMidnight(cohort.startsOn);
  const until = warsawMidnight(nextDay(cohort.endsOn));
  const [meetings, practices, analyses, jsts] = await Promise.all([
    groupIds.length
      ? Meeting.find({ groupId: anyOf(groupIds) }, { groupId: 1, status: 1 })
          .limit(MEETINGS_PER_GROUP_MAX * groupIds.length)
          .lean()
      : [],
    groupIds.length
      ? Practice.find({ groupId: anyOf(groupIds), status: "published" }, { groupId: 1 })
          .limit(PRACTICES_MAX)
          .lean()
      : [],
    Analysis.countDocuments({
      status: "published",
      publishedAt: mongoose.trusted({ $gte: from, $lt: until }) as { $gte: Date; $lt: Date },
    }),
    jstsByIds(groups.flatMap((group) => group.jstIds)),
  ]);
  const held = meetings.filter((meeting) => meeting.status === "closed");
  const heldIds = held.map((meeting) => meeting._id);
  const [attended, registrations] = await Promise.all([
    daysAttended(heldIds),
    heldIds.length
      ? MeetingRegistration.find({ meetingId: anyOf(heldIds) }, { meetingId: 1, userId: 1, days: 1 })
          .limit(REGISTRATIONS_PER_MEETING_MAX * heldIds.length)
          .lean()
      : [],
  ]);

  const presentByMeeting = new Map<string, PersonDays>();
  for (const [meetingId, people] of attended) {
    const keys: PersonDays = new Set();
    for (const [userId, days] of people) for (const day of days) keys.add(`${userId}:${day}`);
    presentByMeeting.set(meetingId, keys);
  }

  const figures = groups.map((group): GroupFigures => {
    const own = held.filter((meeting) => meeting.groupId.toString() === group._id.toString());
    const participants = new Set<string>();
    let attendedPersonDays = 0;
    for (const meeting of own) {
      for (const [userId] of attended.get(meeting._id.toString()) ?? []) participants.add(userId);
      attendedPersonDays += presentByMeeting.get(meeting._id.toString())?.size ?? 0;
    }
    const ownIds = new Set(own.map((meeting) => meeting._id.toString()));
    let registered = 0;
    let registeredAttended = 0;
    for (const registration of registrations) {
      const meetingId = registration.meetingId.toString();
      if (!ownIds.has(meetingId)) continue;
      for (const entry of registration.days) {
        if (entry.mode === "absent") continue;
        registered += 1;
        const key = `${registration.userId.toString()}:${entry.day as MeetingDay}`;
        if (presentByMeeting.get(meetingId)?.has(key)) registeredAttended += 1;
      }
    }
    return {
      group,
      jsts: group.jstIds.flatMap((id) => jsts.get(id.toString()) ?? []),
      participants,
      attendedPersonDays,
      sessionsHeld: own.length,
      registered,
      registeredAttended,
      practices: practices.filter((practice) => practice.groupId?.toString() === group._id.toString()).length,
    };
  });

  const sum = (pick: (entry: GroupFigures) => number) => figures.reduce((total, entry) => total + pick(entry), 0);
  const everyJst = [
    ...new Map(figures.flatMap((entry) => entry.jsts).map((jst) => [jst._id.toString(), jst])).values(),
  ];
  const everyone = new Set(figures.flatMap((entry) => [...entry.participants]));

  return {
    cohort: { id: cohort._id.toString(), name: cohort.name, startsOn: cohort.startsOn, endsOn: cohort.endsOn },
    groups: figures.map((entry) =>
      rowOf({ id: entry.group._id.toString(), slug: entry.group.slug, name: entry.group.name }, entry.jsts, {
        participants: entry.participants.size,
        personDays: entry.attendedPersonDays,
        sessionsHeld: entry.sessionsHeld,
        registeredPersonDays: entry.registered,
        attendedRegisteredPersonDays: entry.registeredAttended,
        practicesPublished: entry.practices,
        analysesPublished: null,
      }),
    ),
    total: rowOf(null, everyJst, {
      participants: everyone.size,
      personDays: sum((entry) => entry.attendedPersonDays),
      sessionsHeld: sum((entry) => entry.sessionsHeld),
      registeredPersonDays: sum((entry) => entry.registered),
      attendedRegisteredPersonDays: sum((entry) => entry.registeredAttended),
      practicesPublished: sum((entry) => entry.practices),
      analysesPublished: analyses,
    }),
    notes: COHORT_REPORT_NOTES,
  };
}
