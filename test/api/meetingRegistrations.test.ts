import {
  warsawDateTime,
  type GroupMeetingsView,
  type MeetingRegistrationsView,
  type MeetingView,
  type RegistrationReminderResult,
} from "@forum/shared";
import { anyOf } from "../../server/src/db/anyOf.js";
import { notEqual } from "../../server/src/db/comparisons.js";
import { Cohort } from "../../server/src/models/Cohort.js";
import { Event } from "../../server/src/models/Event.js";
import { Group } from "../../server/src/models/Group.js";
import { Meeting } from "../../server/src/models/Meeting.js";
import { MeetingRegistrationReminder } from "../../server/src/models/MeetingRegistrationReminder.js";
import { User } from "../../server/src/models/User.js";
import type TestAgent from "supertest/lib/agent.js";
import { csrfAgent, DEMO, signedInAgent } from "../support/http.js";
import { startSmtpReceiver, type SmtpReceiver } from "../support/smtpReceiver.js";
import { startTestServer, type TestServer } from "../support/testServer.js";

const PUBLIC_URL = "https://forum.example.pl";
/** Other members of gwd-malopolska (besides anna.kowalska = DEMO.memberA and the facilitator). */
const PIOTR = "piotr.mazur@demo.forum-jst.pl";
const MAGDALENA = "magdalena.wojcik@demo.forum-jst.pl";

let server: TestServer;
let smtp: SmtpReceiver;
let moderator: TestAgent;
let anna: TestAgent;
/** A planned session of group A, ahead of now, and one already held. */
let upcomingId = "";
let heldId = "";

beforeAll(async () => {
  smtp = await startSmtpReceiver();
  server = await startTestServer({
    seed: true,
    label: "meeting-registrations",
    env: { SMTP_URL: smtp.url, PUBLIC_URL },
  });
  moderator = await signedInAgent(server.url, DEMO.moderator);
  anna = await signedInAgent(server.url, DEMO.memberA);
  const listed = (await anna.get("/api/groups/gwd-malopolska/meetings")).body as GroupMeetingsView;
  upcomingId = listed.upcoming.find((meeting) => meeting.status === "planned")?.id ?? "";
  heldId = listed.past[0]?.id ?? "";
}, 120_000);
afterAll(async () => {
  await server?.stop();
  await smtp?.stop();
});

const answer = (day1: string, day2: string, note = "") => ({
  days: [
    { day: 1, mode: day1 },
    { day: 2, mode: day2 },
  ],
  note,
});
const register = (agent: TestAgent, body: unknown, id = upcomingId) =>
  agent.put(`/api/meetings/${id}/registration`).send(body as object);
const registrations = async (agent: TestAgent = moderator) =>
  (await agent.get(`/api/meetings/${upcomingId}/registrations`)).body as MeetingRegistrationsView;
const userId = async (email: string) => String((await User.findOne({ email }).lean())?._id);

describe("signing up", () => {
  it("stores a member's answer per day with a note, shows it on the meeting, the group's list and the calendar", async () => {
    const response = await register(anna, answer("onsite", "online", "Dojadę pociągiem."));
    expect(response.status).toBe(200);
    expect(response.body.registration).toMatchObject({
      mine: {
        days: [
          { day: 1, mode: "onsite" },
          { day: 2, mode: "online" },
        ],
        note: "Dojadę pociągiem.",
      },
      canRegister: true,
      canManage: false,
      closedReason: null,
    });

    const view = (await anna.get(`/api/meetings/${upcomingId}`)).body.meeting as MeetingView;
    expect(view.registration?.mine?.days).toEqual([
      { day: 1, mode: "onsite" },
      { day: 2, mode: "online" },
    ]);
    const listed = (await anna.get("/api/groups/gwd-malopolska/meetings")).body as GroupMeetingsView;
    const mine = listed.upcoming.find((meeting) => meeting.id === upcomingId);
    expect(mine?.myRegistration?.days[0]?.mode).toBe("onsite");
    expect(listed.upcoming.filter((meeting) => meeting.id !== upcomingId).every((m) => m.myRegistration === null)).toBe(
      true,
    );
    const month = view.startsAt.slice(0, 7);
    const calendar = (await anna.get(`/api/calendar?month=${month}`)).body as {
      meetings: GroupMeetingsView["upcoming"];
    };
    expect(calendar.meetings.find((meeting) => meeting.id === upcomingId)?.myRegistration?.days[1]?.mode).toBe(
      "online",
    );
    const expert = await signedInAgent(server.url, DEMO.expert);
    const expertList = (await expert.get("/api/groups/gwd-malopolska/meetings")).body as GroupMeetingsView;
    expect(expertList.upcoming.every((meeting) => meeting.myRegistration === undefined)).toBe(true);

    // A change replaces the answer; both are in the audit log.
    expect((await register(anna, answer("online", "online"))).status).toBe(200);
    const events = await Event.find({ name: "meetings.register", subjectId: upcomingId }).sort({ _id: 1 }).lean();
    expect(events).toHaveLength(2);
    expect(events[1]?.data).toMatchObject({ before: { days: [{ mode: "onsite" }, { mode: "online" }] } });
  });

  it("refuses bad answers with Polish messages (400)", async () => {
    const oneDay = await register(anna, { days: [{ day: 1, mode: "onsite" }] });
    expect(oneDay.status).toBe(400);
    expect(JSON.stringify(oneDay.body)).toContain("Podaj odpowiedź dla każdego z dwóch dni spotkania.");
    const badMode = await register(anna, answer("moze", "online"));
    expect(badMode.status).toBe(400);
    expect(JSON.stringify(badMode.body)).toContain("Wybierz: na miejscu, online albo nie będę.");
    const longNote = await register(anna, answer("onsite", "online", "x".repeat(501)));
    expect(longNote.status).toBe(400);
    expect(JSON.stringify(longNote.body)).toContain("Uwagi mogą mieć najwyżej 500 znaków.");
  });

  it("refuses people outside the group: another group's member (404), an expert and an admin (403), a visitor (401)", async () => {
    const memberB = await signedInAgent(server.url, DEMO.memberB);
    expect((await register(memberB, answer("onsite", "onsite"))).status).toBe(404);
    const expert = await signedInAgent(server.url, DEMO.expert);
    const refused = await register(expert, answer("onsite", "onsite"));
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toBe("Na spotkanie zapisują się członkowie grupy, która je organizuje.");
    const admin = await signedInAgent(server.url, DEMO.admin);
    expect((await register(admin, answer("onsite", "onsite"))).status).toBe(403);
    const visitor = await csrfAgent(server.url);
    expect((await register(visitor, answer("onsite", "onsite"))).status).toBe(401);
  });

  it("refuses an answer for a session already held (409)", async () => {
    const response = await register(anna, answer("onsite", "onsite"), heldId);
    expect(response.status).toBe(409);
    expect(response.body.error.message).toBe("To spotkanie już się odbyło: zapisy są zamknięte.");
    const forSomeone = await moderator
      .put(`/api/meetings/${heldId}/registrations/${await userId(DEMO.memberA)}`)
      .send(answer("onsite", "onsite"));
    expect(forSomeone.status).toBe(409);
  });
});

describe("the registrations panel", () => {
  it("shows moderators the counts per day and mode, everyone's answers and who has not answered", async () => {
    const piotr = await signedInAgent(server.url, PIOTR);
    expect((await register(piotr, answer("onsite", "absent"))).status).toBe(200);
    const view = await registrations();
    expect(view.counts).toEqual([
      { day: 1, onsite: 1, online: 1, absent: 0 },
      { day: 2, onsite: 0, online: 1, absent: 1 },
    ]);
    expect(view.registrations.map((row) => row.name).sort()).toEqual(["Anna Kowalska", "Piotr Mazur"]);
    const notAnswered = view.notAnswered.map((person) => person.name);
    expect(notAnswered).toContain("Magdalena Wójcik");
    expect(notAnswered).not.toContain("Anna Kowalska");
    expect(notAnswered).toEqual([...notAnswered].sort((a, b) => a.localeCompare(b, "pl")));
    const moderatorView = (await moderator.get(`/api/meetings/${upcomingId}`)).body.meeting as MeetingView;
    expect(moderatorView.registration?.canManage).toBe(true);
  });

  it("is refused to members (403) and to another group's people (404)", async () => {
    const refused = await anna.get(`/api/meetings/${upcomingId}/registrations`);
    expect(refused.status).toBe(403);
    const memberB = await signedInAgent(server.url, DEMO.memberB);
    expect((await memberB.get(`/api/meetings/${upcomingId}/registrations`)).status).toBe(404);
    expect((await anna.post(`/api/meetings/${upcomingId}/registrations/remind`)).status).toBe(403);
  });
});

describe("the sign-up deadline", () => {
  it("is set in the planner, closes members' changes (409) and leaves answering for them to moderators", async () => {
    const meeting = (await moderator.get(`/api/meetings/${upcomingId}`)).body.meeting as MeetingView;
    const start = warsawDateTime(new Date(meeting.startsAt));
    const end = warsawDateTime(new Date(meeting.endsAt));
    const plan = {
      number: meeting.number,
      title: meeting.title,
      firstDay: start.date,
      secondDay: end.date,
      startTime: start.time,
      endTime: end.time,
      venue: meeting.venue,
      onlineUrl: meeting.onlineUrl ?? "",
      description: meeting.description,
    };
    const late = await moderator
      .patch(`/api/meetings/${upcomingId}`)
      .send({ ...plan, registrationClosesOn: "2099-01-01" });
    expect(late.status).toBe(400);
    expect(JSON.stringify(late.body)).toContain("Termin zapisów musi przypadać najpóźniej w pierwszym dniu spotkania.");
    const set = await moderator
      .patch(`/api/meetings/${upcomingId}`)
      .send({ ...plan, registrationClosesOn: "2026-01-10" });
    expect(set.status).toBe(200);
    expect((set.body.meeting as MeetingView).registration?.closesAt).toBe("2026-01-10T22:59:00.000Z");

    const refused = await register(anna, answer("absent", "absent"));
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toMatch(
      /^Termin zapisów minął 10 stycznia 2026.*Zmianę może wprowadzić moderator grupy\.$/,
    );
    const annaView = (await anna.get(`/api/meetings/${upcomingId}`)).body.meeting as MeetingView;
    expect(annaView.registration).toMatchObject({ canRegister: false, closedReason: refused.body.error.message });

    const magdalenaId = await userId(MAGDALENA);
    const bySomeone = await moderator
      .put(`/api/meetings/${upcomingId}/registrations/${magdalenaId}`)
      .send(answer("online", "onsite"));
    expect(bySomeone.status).toBe(200);
    const view = bySomeone.body as MeetingRegistrationsView;
    expect(view.registrations.find((row) => row.userId === magdalenaId)?.days).toEqual([
      { day: 1, mode: "online" },
      { day: 2, mode: "onsite" },
    ]);
    expect(view.notAnswered.some((person) => person.userId === magdalenaId)).toBe(false);
    const outsider = await moderator
      .put(`/api/meetings/${upcomingId}/registrations/${await userId(DEMO.memberB)}`)
      .send(answer("online", "onsite"));
    expect(outsider.status).toBe(404);
    expect(outsider.body.error.message).toBe("Ta osoba nie należy do grupy, która organizuje spotkanie.");
    const byMember = await anna
      .put(`/api/meetings/${upcomingId}/registrations/${magdalenaId}`)
      .send(answer("online", "onsite"));
    expect(byMember.status).toBe(403);

    // Reopen for the tests below.
    await moderator.patch(`/api/meetings/${upcomingId}`).send({ ...plan, registrationClosesOn: "" });
  });
});

describe("the reminder", () => {
  it("e-mails only those who have not answered, once a Polish day (409 the second time)", async () => {
    const before = await registrations();
    const waiting = before.notAnswered.map((person) => person.userId);
    expect(waiting.length).toBeGreaterThan(0);
    const response = await moderator.post(`/api/meetings/${upcomingId}/registrations/remind`);
    expect(response.status).toBe(200);
    const result = response.body as RegistrationReminderResult;
    expect(result.sent).toBe(waiting.length);

    const emails = (await User.find({ _id: anyOf(waiting) }, { email: 1 }).lean()).map((user) => user.email);
    for (const email of emails) {
      const mail = await smtp.waitForMail(email);
      expect(mail.subject).toMatch(/^Zapisy na spotkanie nr \d+ grupy GWD Małopolska$/);
      expect(mail.text).toContain(`${PUBLIC_URL}/spotkania/${upcomingId}`);
      expect(mail.text).toContain("na miejscu, online czy nie będzie Pani/Pana");
    }
    expect(smtp.mailsTo(DEMO.memberA)).toHaveLength(0);
    expect(smtp.mailsTo(PIOTR)).toHaveLength(0);
    expect(smtp.mailsTo(MAGDALENA)).toHaveLength(0);

    const again = await moderator.post(`/api/meetings/${upcomingId}/registrations/remind`);
    expect(again.status).toBe(409);
    expect(again.body.error.message).toBe(
      "Przypomnienie o zapisach na to spotkanie zostało już dziś wysłane. Kolejne można wysłać jutro.",
    );
    expect((await registrations()).lastRemindedOn).toBe(result.remindedOn);
    expect(await MeetingRegistrationReminder.countDocuments({ meetingId: upcomingId })).toBe(1);
  });

  it("keeps the subject one line whatever the group's name holds", async () => {
    const group = await Group.findOne({ slug: "gwd-malopolska" }).lean();
    const other = await Meeting.findOne({ groupId: group?._id, status: "planned", _id: notEqual(upcomingId) }).lean();
    await Group.updateOne({ _id: group?._id }, { $set: { name: "GWD\r\nBcc: ktos@zly.pl Małopolska" } });
    try {
      const response = await moderator.post(`/api/meetings/${other?._id.toString()}/registrations/remind`);
      expect(response.status).toBe(200);
      const mail = await smtp.waitForMail(PIOTR);
      expect(mail.subject).toMatch(/^Zapisy na spotkanie nr \d+ grupy GWD Bcc: ktos@zly.pl Małopolska$/);
      expect(mail.headers.bcc).toBeUndefined();
    } finally {
      await Group.updateOne({ _id: group?._id }, { $set: { name: group?.name } });
    }
  });
});

/** The iCalendar text's logical lines (RFC 5545 folds long lines with CRLF and a space). */
const unfoldedLines = (ics: string) => ics.replace(/\r\n[ \t]/g, "").split("\r\n");

describe("the session's .ics", () => {
  it("gives members one session with Polish text and a safe file name", async () => {
    const response = await anna.get(`/api/meetings/${upcomingId}/meeting.ics`);
    expect(response.status).toBe(200);
    expect(response.headers["content-type"]).toBe("text/calendar; charset=utf-8");
    expect(response.headers["content-disposition"]).toMatch(/^attachment; filename="spotkanie-\d+\.ics"$/);
    const lines = unfoldedLines(response.text);
    expect(lines.filter((line) => line === "BEGIN:VEVENT")).toHaveLength(1);
    const field = (name: string) => lines.find((line) => line.startsWith(`${name}:`))?.slice(name.length + 1);
    const meeting = (await anna.get(`/api/meetings/${upcomingId}`)).body.meeting as MeetingView;
    expect(field("UID")).toBe(`meeting-${upcomingId}@forum-jst`);
    expect(field("SUMMARY")).toBe(`GWD Małopolska: spotkanie ${meeting.number} – ${meeting.title}`);
    const compact = (iso: string) => iso.replace(/[-:]/g, "").replace(/\.\d{3}/, "");
    expect(field("DTSTART")).toBe(compact(meeting.startsAt));
    expect(field("DTEND")).toBe(compact(meeting.endsAt));
    expect(field("LOCATION")).toMatch(/^Kraków/);
    expect(field("DESCRIPTION")).toContain(`${PUBLIC_URL}/spotkania/${upcomingId}`);
  });

  it("is not found for another group's member (404) and asks visitors to sign in (401)", async () => {
    const memberB = await signedInAgent(server.url, DEMO.memberB);
    expect((await memberB.get(`/api/meetings/${upcomingId}/meeting.ics`)).status).toBe(404);
    expect((await (await csrfAgent(server.url)).get(`/api/meetings/${upcomingId}/meeting.ics`)).status).toBe(401);
  });
});

describe("session numbers", () => {
  const plan = (number: number) => ({
    number,
    title: "Sesja dodatkowa",
    firstDay: "2027-05-10",
    secondDay: "2027-05-11",
    startTime: "09:00",
    endTime: "15:00",
    venue: "Kraków",
  });

  it("run up to the cohort's number of sessions: a number above it is refused (400), a taken one too (409)", async () => {
    const tooHigh = await moderator.post("/api/groups/gwd-malopolska/meetings").send(plan(10));
    expect(tooHigh.status).toBe(400);
    expect(tooHigh.body.error.message).toBe("Podaj numer spotkania od 1 do 9.");
    const taken = await moderator.post("/api/groups/gwd-malopolska/meetings").send(plan(1));
    expect(taken.status).toBe(409);
    expect(taken.body.error.message).toBe(
      "Ta grupa ma już spotkanie nr 1. Wybierz inny numer albo edytuj istniejące spotkanie.",
    );
  });

  it("go above 9 when the cohort holds more sessions", async () => {
    const group = await Group.findOne({ slug: "gwd-malopolska" }).lean();
    await Cohort.updateOne({ _id: group?.cohortId }, { $set: { sessionCount: 12 } });
    try {
      const listed = (await moderator.get("/api/groups/gwd-malopolska/meetings")).body as GroupMeetingsView;
      expect(listed.sessionCount).toBe(12);
      const created = await moderator.post("/api/groups/gwd-malopolska/meetings").send(plan(11));
      expect(created.status).toBe(201);
      expect((created.body.meeting as MeetingView).number).toBe(11);
      expect((await moderator.post("/api/groups/gwd-malopolska/meetings").send(plan(13))).status).toBe(400);
    } finally {
      await Cohort.updateOne({ _id: group?.cohortId }, { $set: { sessionCount: 9 } });
    }
  });
});
