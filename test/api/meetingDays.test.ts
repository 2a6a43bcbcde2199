import { randomUUID } from "node:crypto";
import { EARLY_OPEN_CODE, type MeetingView } from "@forum/shared";
import { Event } from "../../server/src/models/Event.js";
import { Meeting } from "../../server/src/models/Meeting.js";
import { Membership } from "../../server/src/models/Membership.js";
import { Post } from "../../server/src/models/Post.js";
import { RoomMessage } from "../../server/src/models/RoomMessage.js";
import { User } from "../../server/src/models/User.js";
import { warsawDay } from "../../server/src/domain/warsawTime.js";
import { csrfAgent, DEMO, signedInAgent } from "../support/http.js";
import { plannedMeetingOf } from "../support/rooms.js";
import { startTestServer, type TestServer } from "../support/testServer.js";

let server: TestServer;
let meetingId = "";

const DAY_MS = 86_400_000;
/** Day 1 planned `offset` days from today (Polish time), at 10:00, day 2 ending the next day at 16:00. */
async function planFrom(id: string, offset: number): Promise<void> {
  const startsAt = new Date(Date.now() + offset * DAY_MS);
  startsAt.setUTCHours(9, 0, 0, 0);
  await Meeting.updateOne(
    { _id: id },
    { $set: { startsAt, endsAt: new Date(startsAt.getTime() + DAY_MS + 6 * 3_600_000) } },
  );
}

const as = (email: string) => signedInAgent(server.url, email);
const openDay = async (email: string, day: number, body: object = {}, id = meetingId) =>
  (await as(email)).post(`/api/meetings/${id}/days/${day}/open`).send(body);
const closeDay = async (email: string, day: number, id = meetingId) =>
  (await as(email)).post(`/api/meetings/${id}/days/${day}/close`);
const end = async (email: string, id = meetingId) => (await as(email)).post(`/api/meetings/${id}/end`);
const reopen = async (email: string, body: object, id = meetingId) =>
  (await as(email)).post(`/api/meetings/${id}/reopen`).send(body);
const errorOf = (response: { body: { error?: { message: string } } }) => response.body.error?.message;

async function chatLine(day: 1 | 2, text: string): Promise<void> {
  const author = await User.findOne({ email: DEMO.memberA }).lean();
  const counted = await Meeting.findOneAndUpdate(
    { _id: meetingId },
    { $inc: { "room.lastSeq": 1 } },
    { returnDocument: "after" },
  ).lean();
  await RoomMessage.create({
    meetingId,
    seq: counted?.room?.lastSeq ?? 1,
    day,
    authorId: author?._id,
    clientId: randomUUID(),
    text,
  });
}

beforeAll(async () => {
  server = await startTestServer({ seed: true, label: "meetingdays" });
  meetingId = await plannedMeetingOf("gwd-malopolska", 0);
  await planFrom(meetingId, 1);
}, 120_000);
afterAll(() => server?.stop());

describe("who may run a session's days", () => {
  it.each([
    ["a member of the group", DEMO.memberA, 403],
    ["an expert", DEMO.expert, 403],
    ["a member of another group", DEMO.memberB, 404],
  ])("refuses %s every day control", async (_who, email, status) => {
    expect((await openDay(email, 1, { confirmEarly: true })).status).toBe(status);
    expect((await closeDay(email, 1)).status).toBe(status);
    expect((await end(email)).status).toBe(status);
    expect((await reopen(email, { reason: "Pomyłka" })).status).toBe(status);
  });

  it("asks a visitor to sign in (401), and says a third day does not exist (404)", async () => {
    const visitor = await csrfAgent(server.url);
    expect((await visitor.post(`/api/meetings/${meetingId}/days/1/open`).send({})).status).toBe(401);
    expect((await openDay(DEMO.moderator, 3, { confirmEarly: true })).status).toBe(404);
    expect((await Meeting.findById(meetingId).lean())?.status).toBe("planned");
  });
});

describe("a session, day by day", () => {
  it("refuses what the planned session cannot do yet, in Polish (409)", async () => {
    expect(errorOf(await openDay(DEMO.moderator, 2, { confirmEarly: true }))).toBe(
      "Najpierw otwórz i zamknij dzień 1.",
    );
    expect(errorOf(await closeDay(DEMO.moderator, 1))).toBe("Dzień 1 nie jest otwarty.");
    const ending = await end(DEMO.moderator);
    expect(ending.status).toBe(409);
    expect(errorOf(ending)).toBe("Spotkanie jeszcze się nie zaczęło.");
  });

  it("warns before opening day 1 ahead of its date, naming the date, and opens it once confirmed", async () => {
    const warned = await openDay(DEMO.moderator, 1);
    expect(warned.status).toBe(409);
    expect(warned.body.error.code).toBe(EARLY_OPEN_CODE);
    const tomorrow = new Intl.DateTimeFormat("pl-PL", {
      day: "numeric",
      month: "long",
      year: "numeric",
      timeZone: "Europe/Warsaw",
    }).format(new Date(Date.now() + DAY_MS));
    expect(errorOf(warned)).toContain(`Dzień 1 jest zaplanowany na`);
    expect(errorOf(warned)).toContain(tomorrow);
    expect((await Meeting.findById(meetingId).lean())?.status).toBe("planned");

    const opened = await openDay(DEMO.moderator, 1, { confirmEarly: true });
    expect(opened.status).toBe(200);
    const meeting = opened.body.meeting as MeetingView;
    expect(meeting.status).toBe("live");
    expect(meeting.days).toMatchObject({
      current: 1,
      dayClosedAt: null,
      lastDay: 2,
      can: { openDay: null, closeDay: 1, end: false, reopen: false },
    });
    const event = await Event.findOne({ name: "meetings.openDay", subjectId: meetingId }).lean();
    expect(event?.data).toMatchObject({ day: 1, offDate: true });
  });

  it("refuses opening day 1 twice, day 2 before day 1 is closed, closing day 2 and ending on day 1", async () => {
    expect(errorOf(await openDay(DEMO.moderator, 1, { confirmEarly: true }))).toBe("Dzień 1 jest już otwarty.");
    expect(errorOf(await openDay(DEMO.moderator, 2, { confirmEarly: true }))).toBe("Najpierw zamknij dzień 1.");
    expect(errorOf(await closeDay(DEMO.moderator, 2))).toBe("Dzień 2 nie jest otwarty.");
    expect(errorOf(await end(DEMO.moderator))).toBe("Spotkanie można zakończyć w ostatnim dniu (dniu 2).");
  });

  it("closes day 1: the room pauses, questions and polls refuse, the minutes stay editable", async () => {
    await chatLine(1, "Dzień dobry wszystkim");
    const closed = await closeDay(DEMO.moderator, 1);
    expect(closed.status).toBe(200);
    const meeting = closed.body.meeting as MeetingView;
    expect(meeting.status).toBe("live");
    expect(meeting.days?.dayClosedAt).not.toBeNull();
    expect(meeting.days?.can).toEqual({ openDay: 2, closeDay: null, end: false, reopen: false });
    expect(errorOf(await closeDay(DEMO.moderator, 1))).toBe("Dzień 1 jest już zamknięty.");

    const member = await as(DEMO.memberA);
    const asked = await member.post(`/api/meetings/${meetingId}/room/questions`).send({ text: "Czy będą materiały?" });
    expect(asked.status).toBe(409);
    expect(errorOf(asked)).toBe(
      "Dzień 1 zakończony — pokój wznowi się w dniu 2. Teraz nie można pisać, pytać ani głosować.",
    );
    const moderator = await as(DEMO.moderator);
    const poll = await moderator
      .post(`/api/meetings/${meetingId}/room/polls`)
      .send({ question: "Która godzina startu?", options: ["9:00", "10:00"] });
    expect(poll.status).toBe(409);

    const minutes = await moderator
      .put(`/api/meetings/${meetingId}/minutes`)
      .send({ markdown: "Dzień 1: omówiono budżet.", baseVersion: 0 });
    expect(minutes.status).toBe(200);
  });

  it("opens day 2 on its date without a warning, and the room runs again", async () => {
    // The next day: day 1 was yesterday.
    await planFrom(meetingId, -1);
    const opened = await openDay(DEMO.moderator, 2);
    expect(opened.status).toBe(200);
    const meeting = opened.body.meeting as MeetingView;
    expect(meeting.days).toMatchObject({ current: 2, dayClosedAt: null, can: { closeDay: 2, end: true } });
    const event = await Event.findOne({ name: "meetings.openDay", subjectId: meetingId, "data.day": 2 }).lean();
    expect(event?.data).toMatchObject({ day: 2, offDate: false, plannedDate: warsawDay(new Date()) });
    expect(errorOf(await openDay(DEMO.moderator, 2))).toBe("Dzień 2 jest już otwarty.");
    const asked = await (
      await as(DEMO.memberA)
    )
      .post(`/api/meetings/${meetingId}/room/questions`)
      .send({ text: "Czy będą materiały?" });
    expect(asked.status).toBe(201);
    await chatLine(2, "Witamy w drugim dniu");
  });

  it("ends the session once its last day is open: the archive shows both days", async () => {
    const ended = await end(DEMO.moderator);
    expect(ended.status).toBe(200);
    expect((ended.body.meeting as MeetingView).status).toBe("closed");
    expect((ended.body.meeting as MeetingView).days?.can.reopen).toBe(false);
    const archiveThreadId = ended.body.archiveThreadId as string;
    const chat = await Post.findOne({ threadId: archiveThreadId, body: /## Czat/ }).lean();
    expect(chat?.body).toMatch(/### Dzień 1[\s\S]*Dzień dobry wszystkim[\s\S]*### Dzień 2[\s\S]*Witamy w drugim dniu/);
    expect(errorOf(await end(DEMO.moderator))).toBe("Spotkanie już się zakończyło.");
    expect(errorOf(await openDay(DEMO.moderator, 2))).toBe("Spotkanie już się zakończyło.");
  });
});

describe("reopening an ended session", () => {
  it("is for admins only, with a reason (400 in Polish without one)", async () => {
    expect((await reopen(DEMO.moderator, { reason: "Pomyłka" })).status).toBe(403);
    const missing = await reopen(DEMO.admin, { reason: " " });
    expect(missing.status).toBe(400);
    expect(errorOf(missing)).toBe("Podaj powód wznowienia spotkania.");
  });

  it("brings the session back paused, and ending it again rewrites the same archive thread", async () => {
    const before = await Meeting.findById(meetingId).lean();
    const threadId = before?.archiveThreadId?.toString();
    const postsBefore = await Post.countDocuments({ threadId, deletedAt: null });

    const reopened = await reopen(DEMO.admin, { reason: "Protokół był niepełny" });
    expect(reopened.status).toBe(200);
    const meeting = reopened.body.meeting as MeetingView;
    expect(meeting.status).toBe("live");
    expect(meeting.days?.dayClosedAt).not.toBeNull();
    expect(meeting.days?.can.reopen).toBe(false);
    const event = await Event.findOne({ name: "meetings.reopen", subjectId: meetingId }).lean();
    expect(event?.data).toEqual({ reason: "Protokół był niepełny", archiveThreadId: threadId });
    expect(errorOf(await reopen(DEMO.admin, { reason: "Jeszcze raz" }))).toBe(
      "Wznowić można tylko zakończone spotkanie.",
    );

    const moderator = await as(DEMO.moderator);
    const version = (await Meeting.findById(meetingId).lean())?.minutes?.version ?? 0;
    const saved = await moderator
      .put(`/api/meetings/${meetingId}/minutes`)
      .send({ markdown: "Dzień 1: omówiono budżet. Dzień 2: uzupełniono wnioski.", baseVersion: version });
    expect(saved.status).toBe(200);

    const ended = await end(DEMO.moderator);
    expect(ended.status).toBe(200);
    expect(ended.body.archiveThreadId).toBe(threadId);
    expect(await Post.countDocuments({ threadId, deletedAt: null })).toBe(postsBefore);
    const minutes = await Post.findOne({ threadId, body: /## Protokół/ }).lean();
    expect(minutes?.body).toContain("uzupełniono wnioski");
    expect(minutes?.editedAt).toBeInstanceOf(Date);
  });
});

describe("a group's facilitator and an admin", () => {
  const PIOTR = "piotr.mazur@demo.forum-jst.pl";

  it("run the days of the group's session like the moderator", async () => {
    const otherId = await plannedMeetingOf("gwd-malopolska", 0);
    await planFrom(otherId, 0);
    const piotr = await User.findOne({ email: PIOTR }).lean();
    expect((await openDay(PIOTR, 1, {}, otherId)).status).toBe(403);
    await Membership.updateOne({ userId: piotr?._id }, { $set: { role: "facilitator" } });

    const opened = await openDay(PIOTR, 1, {}, otherId);
    expect(opened.status).toBe(200);
    expect((opened.body.meeting as MeetingView).days?.can.closeDay).toBe(1);
    const event = await Event.findOne({ name: "meetings.openDay", subjectId: otherId }).lean();
    expect(event?.data).toMatchObject({ day: 1, offDate: false });
    expect((await closeDay(DEMO.admin, 1, otherId)).status).toBe(200);
    expect(errorOf(await end(PIOTR, otherId))).toBe("Spotkanie można zakończyć w ostatnim dniu (dniu 2).");
    expect((await reopen(PIOTR, { reason: "Pomyłka" }, otherId)).status).toBe(403);
  });
});
