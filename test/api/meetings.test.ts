import type { GroupMeetingsView, MeetingView } from "@forum/shared";
import { Event } from "../../server/src/models/Event.js";
import { Meeting } from "../../server/src/models/Meeting.js";
import { User } from "../../server/src/models/User.js";
import { csrfAgent, DEMO, signedInAgent } from "../support/http.js";
import { startTestServer, type TestServer } from "../support/testServer.js";

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ seed: true, label: "meetings" });
}, 120_000);
afterAll(() => server?.stop());

const plan = (changes: Record<string, unknown> = {}) => ({
  number: 9,
  title: "Sesja 9: zamknięcie cyklu",
  firstDay: "2027-03-15",
  secondDay: "2027-03-16",
  startTime: "09:30",
  endTime: "15:00",
  venue: "Kraków, Urząd Miasta",
  onlineUrl: "https://spotkania.example.pl/gwd",
  description: "Ostatnia sesja cyklu.",
  ...changes,
});

const groupMeetings = async (email: string, slug = "gwd-malopolska") =>
  (await signedInAgent(server.url, email)).get(`/api/groups/${slug}/meetings`);

async function freeSessionNine(): Promise<void> {
  const moderator = await signedInAgent(server.url, DEMO.moderator);
  const listed = (await moderator.get("/api/groups/gwd-malopolska/meetings")).body as GroupMeetingsView;
  const nine = [...listed.upcoming, ...listed.past].find((meeting) => meeting.number === 9);
  if (nine) expect((await moderator.delete(`/api/meetings/${nine.id}`)).status).toBe(204);
}

describe("the group's meetings", () => {
  it("lists the seeded sessions, upcoming soonest first and held latest first, each with a two-day agenda", async () => {
    const response = await groupMeetings(DEMO.memberA);
    expect(response.status).toBe(200);
    const body = response.body as GroupMeetingsView;
    expect(body.canSchedule).toBe(false);
    expect(body.upcoming.length + body.past.length).toBe(9);
    expect(body.past.length).toBeGreaterThan(0);
    expect(body.past.every((meeting) => meeting.status === "closed")).toBe(true);
    const upcomingStarts = body.upcoming.map((meeting) => meeting.startsAt);
    expect(upcomingStarts).toEqual([...upcomingStarts].sort());
    const pastStarts = body.past.map((meeting) => meeting.startsAt);
    expect(pastStarts).toEqual([...pastStarts].sort().reverse());

    const member = await signedInAgent(server.url, DEMO.memberA);
    const view = (await member.get(`/api/meetings/${body.upcoming[0]?.id}`)).body.meeting as MeetingView;
    const days = new Set(view.agenda.map((item) => item.day));
    expect(days).toEqual(new Set([1, 2]));
    expect(view.agenda.filter((item) => item.day === 1).length).toBeGreaterThanOrEqual(3);
    expect(view.agenda.every((item) => item.speaker !== "")).toBe(true);
    expect(view.can).toEqual({ edit: false, openRoom: false, joinRoom: false, seeAttendance: false });
    expect((await groupMeetings(DEMO.moderator)).body.canSchedule).toBe(true);
  });

  it("hides another group's meetings (404) and asks visitors to sign in (401)", async () => {
    expect((await groupMeetings(DEMO.memberB)).status).toBe(404);
    const visitor = await csrfAgent(server.url);
    expect((await visitor.get("/api/groups/gwd-malopolska/meetings")).status).toBe(401);
    const memberBGroup = await signedInAgent(server.url, DEMO.memberB);
    const own = (await memberBGroup.get("/api/groups/gwd-wielkopolska-pomorze/meetings")).body as GroupMeetingsView;
    expect(own.upcoming.length + own.past.length).toBe(9);
    const malopolska = (await groupMeetings(DEMO.memberA)).body as GroupMeetingsView;
    expect((await memberBGroup.get(`/api/meetings/${malopolska.upcoming[0]?.id}`)).status).toBe(404);
    expect((await visitor.get(`/api/meetings/${malopolska.upcoming[0]?.id}`)).status).toBe(401);
    expect((await memberBGroup.get("/api/meetings/nie-ma-takiego")).status).toBe(404);
  });
});

describe("scheduling", () => {
  beforeAll(freeSessionNine);

  it("lets a moderator schedule a session in Polish time, refuses a number the group already has (409)", async () => {
    const moderator = await signedInAgent(server.url, DEMO.moderator);
    const created = await moderator.post("/api/groups/gwd-malopolska/meetings").send(plan());
    expect(created.status).toBe(201);
    const meeting = created.body.meeting as MeetingView;
    expect(meeting).toMatchObject({
      number: 9,
      title: "Sesja 9: zamknięcie cyklu",
      status: "planned",
      // March is winter time in Poland: UTC+1.
      startsAt: "2027-03-15T08:30:00.000Z",
      endsAt: "2027-03-16T14:00:00.000Z",
      onlineUrl: "https://spotkania.example.pl/gwd",
      agenda: [],
      can: { edit: true, openRoom: true },
    });
    const again = await moderator.post("/api/groups/gwd-malopolska/meetings").send(plan());
    expect(again.status).toBe(409);
    expect(again.body.error.message).toContain("nr 9");
    const events = await Event.find({ subjectId: meeting.id }).lean();
    expect(events.map((event) => event.name)).toEqual(["meetings.schedule"]);

    const edited = await moderator
      .patch(`/api/meetings/${meeting.id}`)
      .send(plan({ title: "Sesja 9: podsumowanie", firstDay: "2027-06-14", secondDay: "2027-06-15", onlineUrl: "" }));
    expect(edited.status).toBe(200);
    expect(edited.body.meeting).toMatchObject({
      title: "Sesja 9: podsumowanie",
      // June is summer time: UTC+2.
      startsAt: "2027-06-14T07:30:00.000Z",
      onlineUrl: null,
    });
    const clash = await moderator.patch(`/api/meetings/${meeting.id}`).send(plan({ number: 1 }));
    expect(clash.status).toBe(409);
  });

  it("answers bad plans with 400 and a Polish message per field", async () => {
    const moderator = await signedInAgent(server.url, DEMO.moderator);
    const cases: [Record<string, unknown>, string, string][] = [
      [{ number: 10 }, "number", "od 1 do 9"],
      [{ title: "" }, "title", "co najmniej 3 znaki"],
      [{ secondDay: "2027-03-15" }, "secondDay", "Drugi dzień"],
      [{ startTime: "25:00" }, "startTime", "GG:MM"],
      [{ firstDay: "15.03.2027" }, "firstDay", "RRRR-MM-DD"],
      [{ venue: "", onlineUrl: "" }, "venue", "miejsce spotkania albo adres"],
      [{ onlineUrl: "javascript:alert(1)" }, "onlineUrl", "https://"],
    ];
    for (const [changes, field, message] of cases) {
      const response = await moderator.post("/api/groups/gwd-malopolska/meetings").send(plan(changes));
      expect(response.status).toBe(400);
      expect(response.body.error.fields[field]).toContain(message);
    }
  });

  it("refuses members (403), other groups' members (404) and visitors (401)", async () => {
    const member = await signedInAgent(server.url, DEMO.memberA);
    expect((await member.post("/api/groups/gwd-malopolska/meetings").send(plan())).status).toBe(403);
    const other = await signedInAgent(server.url, DEMO.memberB);
    expect((await other.post("/api/groups/gwd-malopolska/meetings").send(plan())).status).toBe(404);
    const visitor = await csrfAgent(server.url);
    expect((await visitor.post("/api/groups/gwd-malopolska/meetings").send(plan())).status).toBe(401);
    const listed = (await groupMeetings(DEMO.memberA)).body as GroupMeetingsView;
    const id = listed.upcoming[0]?.id;
    expect((await member.patch(`/api/meetings/${id}`).send(plan())).status).toBe(403);
    expect((await member.delete(`/api/meetings/${id}`)).status).toBe(403);
    expect((await member.put(`/api/meetings/${id}/agenda`).send({ items: [] })).status).toBe(403);
    expect((await other.delete(`/api/meetings/${id}`)).status).toBe(404);
  });

  it("deletes only sessions that have not started (409 for a held one)", async () => {
    const moderator = await signedInAgent(server.url, DEMO.moderator);
    const listed = (await groupMeetings(DEMO.moderator)).body as GroupMeetingsView;
    const held = listed.past[0];
    const response = await moderator.delete(`/api/meetings/${held?.id}`);
    expect(response.status).toBe(409);
    expect(response.body.error.message).toContain("jeszcze się nie zaczęło");
    expect(await Meeting.exists({ _id: held?.id })).not.toBeNull();
  });
});

describe("the agenda and its materials", () => {
  const pdf = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");

  it("stores a validated two-day programme with materials that the group's readers may download", async () => {
    const moderator = await signedInAgent(server.url, DEMO.moderator);
    const listed = (await groupMeetings(DEMO.moderator)).body as GroupMeetingsView;
    const id = listed.upcoming[0]?.id ?? "";
    const before = ((await moderator.get(`/api/meetings/${id}`)).body.meeting as MeetingView).agenda;
    const uploaded = await moderator.post("/api/uploads").attach("file", pdf, "Prezentacja sesji.pdf");
    expect(uploaded.status).toBe(201);
    const fileId: string = uploaded.body.attachment.id;
    const items = [
      { ...before[0], attachmentIds: [fileId] },
      { day: 2, startTime: "10:00", endTime: "11:30", title: "Panel ekspertów", speaker: "dr Ewa Zielińska" },
    ];
    const saved = await moderator.put(`/api/meetings/${id}/agenda`).send({ items });
    expect(saved.status).toBe(200);
    const agenda = (saved.body.meeting as MeetingView).agenda;
    expect(agenda).toHaveLength(2);
    // An existing item keeps its id (the live room may point at it).
    expect(agenda[0]?.id).toBe(before[0]?.id);
    expect(agenda[0]?.materials).toEqual([expect.objectContaining({ id: fileId, name: "Prezentacja sesji.pdf" })]);
    expect(agenda[1]).toMatchObject({ day: 2, title: "Panel ekspertów", materials: [] });

    const member = await signedInAgent(server.url, DEMO.memberA);
    const download = await member.get(`/api/attachments/${fileId}`);
    expect(download.status).toBe(200);
    expect(download.headers["content-disposition"]).toContain("attachment");
    const expert = await signedInAgent(server.url, DEMO.expert);
    expect((await expert.get(`/api/attachments/${fileId}`)).status).toBe(200);
    const other = await signedInAgent(server.url, DEMO.memberB);
    expect((await other.get(`/api/attachments/${fileId}`)).status).toBe(404);
    const events = await Event.find({ subjectId: id, name: "meetings.setAgenda" }).lean();
    expect(events.at(-1)?.data).toMatchObject({ after: { items: 2, materials: [fileId] } });
  });

  it("refuses bad items and someone else's file with 400 and a Polish message", async () => {
    const moderator = await signedInAgent(server.url, DEMO.moderator);
    const listed = (await groupMeetings(DEMO.moderator)).body as GroupMeetingsView;
    const id = listed.upcoming[1]?.id ?? "";
    const item = { day: 1, startTime: "09:00", endTime: "10:00", title: "Otwarcie", speaker: "" };
    const cases: [object, string, string][] = [
      [{ ...item, day: 3 }, "items.0.day", "1 albo 2"],
      [{ ...item, endTime: "08:00" }, "items.0.endTime", "później"],
      [{ ...item, startTime: "9:00" }, "items.0.startTime", "GG:MM"],
      [{ ...item, title: " " }, "items.0.title", "tytuł punktu"],
    ];
    for (const [bad, field, message] of cases) {
      const response = await moderator.put(`/api/meetings/${id}/agenda`).send({ items: [bad] });
      expect(response.status).toBe(400);
      expect(response.body.error.fields[field]).toContain(message);
    }
    const member = await signedInAgent(server.url, DEMO.memberA);
    const foreign = await member.post("/api/uploads").attach("file", pdf, "cudzy.pdf");
    const refused = await moderator
      .put(`/api/meetings/${id}/agenda`)
      .send({ items: [{ ...item, attachmentIds: [foreign.body.attachment.id] }] });
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toContain("Nie można dołączyć");
    // The refused file stays its uploader's own.
    expect((await member.get(`/api/attachments/${foreign.body.attachment.id}`)).status).toBe(200);
    expect((await moderator.get(`/api/attachments/${foreign.body.attachment.id}`)).status).toBe(404);
  });
});

describe("experts invited into the room", () => {
  it("accepts experts only", async () => {
    const moderator = await signedInAgent(server.url, DEMO.moderator);
    const listed = (await groupMeetings(DEMO.moderator)).body as GroupMeetingsView;
    const id = listed.upcoming[0]?.id ?? "";
    const expert = await User.findOne({ email: DEMO.expert }).lean();
    const member = await User.findOne({ email: DEMO.memberA }).lean();
    const choice = await moderator.get(`/api/meetings/${id}/experts`);
    expect(choice.status).toBe(200);
    expect(choice.body.experts).toContainEqual({ id: expert?._id.toString(), name: expert?.name });
    expect(choice.body.experts.map((entry: { id: string }) => entry.id)).not.toContain(member?._id.toString());
    const invited = await moderator.put(`/api/meetings/${id}/experts`).send({ expertIds: [expert?._id.toString()] });
    expect(invited.status).toBe(200);
    expect(invited.body.invitedExpertIds).toEqual([expert?._id.toString()]);
    expect((await moderator.get(`/api/meetings/${id}/experts`)).body.invitedExpertIds).toEqual([
      expert?._id.toString(),
    ]);
    const stored = await Meeting.findById(id).lean();
    expect(stored?.room?.invitedExpertIds?.map(String)).toEqual([expert?._id.toString()]);
    const refused = await moderator.put(`/api/meetings/${id}/experts`).send({ expertIds: [member?._id.toString()] });
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toContain("tylko aktywnych ekspertów");
  });
});
