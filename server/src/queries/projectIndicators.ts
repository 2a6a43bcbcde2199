import { PRACTICE_STATUSES, type AttendanceTotals, type PracticeStatus, type ProjectIndicators } from "@forum/shared";
import { anyOf } from "../db/anyOf.js";
import { atLeast } from "../db/comparisons.js";
import { Attendance } from "../models/Attendance.js";
import { Group } from "../models/Group.js";
import { Meeting } from "../models/Meeting.js";
import { Membership } from "../models/Membership.js";
import { Post } from "../models/Post.js";
import { Practice } from "../models/Practice.js";
import { Thread } from "../models/Thread.js";
import { User } from "../models/User.js";
import { attendanceFigures, personDays } from "./attendanceReport.js";

/** "Active" means signed in (lastSeenAt) or wrote a post within this many days. */
export const ACTIVE_DAYS = 30;
const MONTHS = 6;
/** The figures read every post of half a year; a minute-old answer is fine for a dashboard. */
const CACHE_MILLISECONDS = 60_000;

let cached: { value: ProjectIndicators; expires: number } | null = null;

const monthKey = (date: Date): string => date.toISOString().slice(0, 7);

/** The last `count` calendar months (UTC), oldest first, and the first instant of the oldest. */
function recentMonths(now: Date, count: number): { months: string[]; since: Date } {
  const since = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - (count - 1), 1));
  const months = Array.from({ length: count }, (_, index) =>
    monthKey(new Date(Date.UTC(since.getUTCFullYear(), since.getUTCMonth() + index, 1))),
  );
  return { months, since };
}

async function countJsts(): Promise<number> {
  const groups = await Group.find({}, { jstIds: 1 }).lean();
  return new Set(groups.flatMap((group) => group.jstIds.map((id) => id.toString()))).size;
}

async function countActiveMembers(now: Date): Promise<number> {
  const since = new Date(now.getTime() - ACTIVE_DAYS * 24 * 60 * 60 * 1000);
  const [seen, posted] = await Promise.all([
    User.find({ status: "active", lastSeenAt: atLeast(since) }, { _id: 1 }).lean(),
    Post.find({ createdAt: atLeast(since) }, { authorId: 1 }).lean(),
  ]);
  return new Set([...seen.map((user) => user._id.toString()), ...posted.map((post) => post.authorId.toString())]).size;
}

/*
 * Counted in JavaScript from a small projection rather than with $group: FerretDB honours only
 * the first accumulator and the volume (one forum, half a year) is small.
 */
async function postsByGroup(now: Date): Promise<Pick<ProjectIndicators, "months" | "postsByGroup">> {
  const { months, since } = recentMonths(now, MONTHS);
  const posts = await Post.find({ createdAt: atLeast(since), deletedAt: null }, { threadId: 1, createdAt: 1 }).lean();
  const threadIds = [...new Set(posts.map((post) => post.threadId.toString()))];
  const [threads, groups] = await Promise.all([
    threadIds.length ? Thread.find({ _id: anyOf(threadIds) }, { groupId: 1 }).lean() : [],
    Group.find({}, { slug: 1, name: 1 }).sort({ name: 1 }).lean(),
  ]);
  const groupOfThread = new Map(threads.map((thread) => [thread._id.toString(), thread.groupId?.toString() ?? ""]));
  // "" stands for network-wide threads (no group).
  const counts = new Map<string, number[]>([
    ...groups.map((group) => [group._id.toString(), months.map(() => 0)] as const),
    ["", months.map(() => 0)],
  ]);
  for (const post of posts) {
    const row = counts.get(groupOfThread.get(post.threadId.toString()) ?? "");
    const column = months.indexOf(monthKey(new Date(post.createdAt)));
    if (row && column >= 0) row[column] = (row[column] ?? 0) + 1;
  }
  const network = counts.get("") ?? [];
  return {
    months,
    postsByGroup: [
      ...groups.map((group) => ({
        slug: group.slug,
        name: group.name,
        counts: counts.get(group._id.toString()) ?? [],
      })),
      ...(network.some((count) => count > 0) ? [{ slug: null, name: null, counts: network }] : []),
    ],
  };
}

/** Who came to the held meetings, against who could have: per meeting, then summed. */
async function attendanceTotals(): Promise<AttendanceTotals | null> {
  const held = await Meeting.find({ status: "closed" }, { groupId: 1 }).lean();
  if (held.length === 0) return null;
  const stays = await Attendance.find(
    { meetingId: anyOf(held.map((meeting) => meeting._id)) },
    { meetingId: 1, userId: 1, jstId: 1, joinedAt: 1, leftAt: 1, seenAt: 1 },
  ).lean();
  if (stays.length === 0) return null;
  const totals: AttendanceTotals = { meetings: 0, present: 0, expected: 0, jsts: 0, personDays: 0 };
  const groupSizes = new Map<string, number>();
  for (const meeting of held) {
    const own = stays.filter((stay) => stay.meetingId.equals(meeting._id));
    if (own.length === 0) continue;
    const figures = attendanceFigures(own, false);
    const groupId = meeting.groupId.toString();
    if (!groupSizes.has(groupId))
      groupSizes.set(groupId, await Membership.countDocuments({ groupId: meeting.groupId }));
    totals.meetings += 1;
    totals.present += figures.total.size;
    totals.expected += groupSizes.get(groupId) ?? 0;
    totals.jsts += new Set([...figures.total.values()].flatMap((presence) => presence.jstId ?? [])).size;
    totals.personDays += personDays(figures);
  }
  return totals;
}

/** Good practices at each stage of their path (one count per status, on the {status, publishedAt} index). */
async function practicesByStatus(): Promise<Record<PracticeStatus, number>> {
  const counts = await Promise.all(PRACTICE_STATUSES.map((status) => Practice.countDocuments({ status })));
  return Object.fromEntries(PRACTICE_STATUSES.map((status, index) => [status, counts[index] ?? 0])) as Record<
    PracticeStatus,
    number
  >;
}

async function computeIndicators(now: Date): Promise<ProjectIndicators> {
  const [jstCount, activeMembers, posts, held, planned, attendance, practices] = await Promise.all([
    countJsts(),
    countActiveMembers(now),
    postsByGroup(now),
    Meeting.countDocuments({ status: "closed" }),
    Meeting.countDocuments({ status: "planned" }),
    attendanceTotals(),
    practicesByStatus(),
  ]);
  return {
    jstCount,
    activeMembers,
    activeDays: ACTIVE_DAYS,
    ...posts,
    meetings: { held, planned },
    attendance,
    practicesByStatus: practices,
    computedAt: now.toISOString(),
  };
}

/** The project's figures for the moderator dashboard, at most a minute old. */
export async function projectIndicators(now = new Date()): Promise<ProjectIndicators> {
  if (cached && cached.expires > now.getTime()) return cached.value;
  const value = await computeIndicators(now);
  cached = { value, expires: now.getTime() + CACHE_MILLISECONDS };
  return value;
}
