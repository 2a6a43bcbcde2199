import mongoose from "mongoose";
import { PRACTICE_STATUSES, type ModerationDashboard } from "@forum/shared";
import { Attendance } from "../../server/src/models/Attendance.js";
import { Category } from "../../server/src/models/Category.js";
import { Group } from "../../server/src/models/Group.js";
import { Jst } from "../../server/src/models/Jst.js";
import { Meeting } from "../../server/src/models/Meeting.js";
import { Membership } from "../../server/src/models/Membership.js";
import { PendingPost } from "../../server/src/models/PendingPost.js";
import { Post } from "../../server/src/models/Post.js";
import { Practice } from "../../server/src/models/Practice.js";
import { Thread } from "../../server/src/models/Thread.js";
import { User } from "../../server/src/models/User.js";
import { DEMO, signedInAgent } from "../support/http.js";
import { startTestServer, type TestServer } from "../support/testServer.js";

let server: TestServer;
const seeded = {
  pendingUsers: 0,
  closedMeetings: 0,
  plannedMeetings: 0,
  jsts: 0,
  practicesByStatus: {} as Record<string, number>,
};
const NOW = new Date();
const monthsAgo = (months: number) => new Date(Date.UTC(NOW.getUTCFullYear(), NOW.getUTCMonth() - months, 15));

/**
 * Everything is created before the first dashboard call: the project figures are cached for a
 * minute by the server.
 */
beforeAll(async () => {
  server = await startTestServer({ seed: true, label: "moderationdashboard" });
  await User.create({
    email: "zofia.zrebiecka@gmina.example.pl",
    name: "Zofia Źrebięcka",
    passwordHash: "x",
    status: "pending",
  });
  const flags = mongoose.connection.collection("flags");
  await flags.insertMany([{ status: "pending" }, { status: "pending" }, { status: "resolved" }]);
  const anyPost = await Post.findOne({}).lean();
  const waiting = {
    kind: "reply",
    authorId: anyPost!.authorId,
    threadId: anyPost!.threadId,
    body: "Czekam.",
    html: "<p>Czekam.</p>",
  };
  await PendingPost.collection.insertMany([
    { ...waiting, clientId: "dashboard-waiting", status: "pending" },
    { ...waiting, clientId: "dashboard-decided", status: "approved" },
  ]);

  const author = await User.findOne({ email: DEMO.memberB }).lean();
  // Away for two months, but wrote a post this month: counts as active.
  await User.collection.updateOne({ _id: author!._id }, { $set: { lastSeenAt: monthsAgo(2) } });
  const usedJsts = (await Group.find({}, { jstIds: 1 }).lean()).flatMap((group) => group.jstIds);
  const freeJst = await Jst.collection.findOne({ _id: { $nin: usedJsts } });
  const group = await Group.create({
    slug: "gwd-testowa",
    name: "GWD testowa",
    cohort: "2026",
    jstIds: [freeJst!._id],
  });
  const category = await Category.create({ name: "Rozmowy", groupId: group._id, kind: "discussion", slug: "rozmowy" });
  const thread = await Thread.create({
    categoryId: category._id,
    groupId: group._id,
    title: "Wątek do liczenia",
    authorId: author!._id,
  });
  const post = (number: number, createdAt: Date) => ({
    threadId: thread._id,
    number,
    authorId: author!._id,
    body: "Wpis",
    html: "<p>Wpis</p>",
    clientId: `dashboard-${number}`,
    deletedAt: null,
    createdAt,
    updatedAt: createdAt,
  });
  await Post.collection.insertMany([
    post(1, NOW),
    post(2, NOW),
    post(3, NOW),
    post(4, monthsAgo(2)),
    post(5, monthsAgo(2)),
    post(6, monthsAgo(8)),
  ]);
  const held = await Meeting.create({
    groupId: group._id,
    number: 1,
    title: "Spotkanie pierwsze",
    startsAt: monthsAgo(1),
    endsAt: monthsAgo(1),
    status: "closed",
  });
  // Two people of one JST: one with two tabs open at once, over two days (three person-days in all).
  const colleague = await User.findOne({ email: DEMO.memberA }).lean();
  await Membership.create({ groupId: group._id, userId: author!._id, role: "member" });
  const at = (day: number, hour: number) => new Date(Date.UTC(2026, 2, day, hour));
  const stay = (userId: mongoose.Types.ObjectId, from: Date, to: Date, tab: string) => ({
    meetingId: held._id,
    userId,
    jstId: freeJst!._id,
    connectionId: tab,
    joinedAt: from,
    leftAt: to,
    seenAt: to,
  });
  await Attendance.create([
    stay(author!._id, at(10, 8), at(10, 12), "a1"),
    stay(author!._id, at(10, 9), at(10, 13), "a2"),
    stay(author!._id, at(11, 8), at(11, 9), "a3"),
    stay(colleague!._id, at(10, 8), at(10, 10), "b1"),
  ]);

  seeded.pendingUsers = await User.countDocuments({ status: "pending" });
  seeded.closedMeetings = await Meeting.countDocuments({ status: "closed" });
  seeded.plannedMeetings = await Meeting.countDocuments({ status: "planned" });
  const practices = await Practice.find({}, { status: 1 }).lean();
  for (const status of PRACTICE_STATUSES)
    seeded.practicesByStatus[status] = practices.filter((practice) => practice.status === status).length;
  const allJsts = (await Group.find({}, { jstIds: 1 }).lean()).flatMap((g) => g.jstIds.map(String));
  seeded.jsts = new Set(allJsts).size;
}, 120_000);
afterAll(() => server?.stop());

describe("moderator dashboard", () => {
  it("counts each queue and their total", async () => {
    const moderator = await signedInAgent(server.url, DEMO.moderator);
    const queues = (await moderator.get("/api/moderation/queues")).body;
    expect(queues).toEqual({
      accountRequests: seeded.pendingUsers,
      flags: 2,
      approvals: 1,
      total: seeded.pendingUsers + 3,
    });
    expect(seeded.pendingUsers).toBeGreaterThanOrEqual(1);
  });

  it("shows the project's figures and the latest moderator actions", async () => {
    const admin = await signedInAgent(server.url, DEMO.admin);
    const response = await admin.get("/api/moderation/dashboard");
    expect(response.status).toBe(200);
    const dashboard = response.body as ModerationDashboard;
    expect(dashboard.queues.flags).toBe(2);
    const { indicators } = dashboard;
    expect(indicators.jstCount).toBe(seeded.jsts);
    expect(indicators.months).toHaveLength(6);
    expect(indicators.months.at(-1)).toBe(NOW.toISOString().slice(0, 7));
    const testGroup = indicators.postsByGroup.find((row) => row.slug === "gwd-testowa");
    expect(testGroup).toEqual({ slug: "gwd-testowa", name: "GWD testowa", counts: [0, 0, 0, 2, 0, 3] });
    expect(indicators.meetings).toEqual({ held: seeded.closedMeetings, planned: seeded.plannedMeetings });
    expect(seeded.closedMeetings).toBeGreaterThanOrEqual(1);
    expect(indicators.attendance).toEqual({ meetings: 1, present: 2, expected: 1, jsts: 1, personDays: 3 });
    expect(indicators.practicesByStatus).toEqual(seeded.practicesByStatus);
    expect(seeded.practicesByStatus.published).toBeGreaterThanOrEqual(1);
    expect(indicators.activeDays).toBe(30);
    expect(indicators.activeMembers).toBeGreaterThanOrEqual(2);
    expect(dashboard.recentActions.length).toBeLessThanOrEqual(10);
  });

  it("counts as active those seen or who posted in the last 30 days", async () => {
    const since = new Date(Date.now() - 30 * 24 * 60 * 60 * 1000);
    const seen = await User.collection.find({ status: "active", lastSeenAt: { $gte: since } }).toArray();
    const posted = await Post.collection.find({ createdAt: { $gte: since } }).toArray();
    const expected = new Set([...seen.map((u) => String(u._id)), ...posted.map((p) => String(p.authorId))]);
    const author = await User.findOne({ email: DEMO.memberB }).lean();
    expect(expected.has(String(author!._id))).toBe(true);
    const moderator = await signedInAgent(server.url, DEMO.moderator);
    const { indicators } = (await moderator.get("/api/moderation/dashboard")).body as ModerationDashboard;
    // Cached from the previous test; the two sign-ins since then may add themselves to `seen`.
    expect(indicators.activeMembers).toBeLessThanOrEqual(expected.size);
    expect(indicators.activeMembers).toBeGreaterThanOrEqual(expected.size - 2);
  });

  it("lists a moderator's action among the recent ones", async () => {
    const moderator = await signedInAgent(server.url, DEMO.moderator);
    const pending = await User.findOne({ status: "pending" }).lean();
    const approved = await moderator.post(`/api/account-requests/${pending!._id}/approve`).send({});
    expect(approved.status).toBe(200);
    const dashboard = (await moderator.get("/api/moderation/dashboard")).body as ModerationDashboard;
    expect(dashboard.recentActions[0]).toMatchObject({
      name: "users.approveRequest",
      actor: { name: "Katarzyna Nowak", role: "moderator" },
      subject: { type: "User", id: String(pending!._id) },
    });
    expect(dashboard.queues.accountRequests).toBe(seeded.pendingUsers - 1);
  });
});
