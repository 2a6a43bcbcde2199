import type { CalendarMonthView, CalendarTokenStatus, GroupMeetingsView } from "@forum/shared";
import { CalendarFeedToken } from "../../server/src/models/CalendarFeedToken.js";
import { csrfAgent, DEMO, signedInAgent } from "../support/http.js";
import { startTestServer, type TestServer } from "../support/testServer.js";

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ seed: true, label: "calendar" });
}, 120_000);
afterAll(() => server?.stop());

/** The month (Polish time) of a meeting's first day, "YYYY-MM". */
const monthOf = (iso: string): string =>
  new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Warsaw", year: "numeric", month: "2-digit" })
    .format(new Date(iso))
    .slice(0, 7);

/** The path of a feed URL, for the test's own server. */
const pathOf = (url: string): string => new URL(url).pathname;

describe("the month calendar", () => {
  it("shows a member the sessions of their groups in that month, and staff every group's", async () => {
    const member = await signedInAgent(server.url, DEMO.memberA);
    const own = (await member.get("/api/groups/gwd-malopolska/meetings")).body as GroupMeetingsView;
    const next = own.upcoming[0];
    const month = monthOf(next?.startsAt ?? "");
    const response = await member.get(`/api/calendar?month=${month}`);
    expect(response.status).toBe(200);
    const body = response.body as CalendarMonthView;
    expect(body.month).toBe(month);
    expect(body.meetings.map((meeting) => meeting.id)).toContain(next?.id);
    expect(body.meetings.every((meeting) => meeting.group.slug === "gwd-malopolska")).toBe(true);

    const moderator = await signedInAgent(server.url, DEMO.moderator);
    const all = (await moderator.get(`/api/calendar?month=${month}`)).body as CalendarMonthView;
    expect(new Set(all.meetings.map((meeting) => meeting.group.slug)).size).toBe(3);
    const otherMember = await signedInAgent(server.url, DEMO.memberB);
    const others = (await otherMember.get(`/api/calendar?month=${month}`)).body as CalendarMonthView;
    expect(others.meetings.some((meeting) => meeting.group.slug === "gwd-malopolska")).toBe(false);
  });

  it("answers a bad month with 400 and visitors with 401", async () => {
    const member = await signedInAgent(server.url, DEMO.memberA);
    const bad = await member.get("/api/calendar?month=2026-13");
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toBe("Podaj miesiąc w formacie RRRR-MM.");
    expect((await member.get("/api/calendar")).status).toBe(400);
    const visitor = await csrfAgent(server.url);
    expect((await visitor.get("/api/calendar?month=2026-11")).status).toBe(401);
  });
});

describe("the private iCal feeds", () => {
  it("gives a personal and per-group feed, one UTC event per session, and a new token revokes the old", async () => {
    const member = await signedInAgent(server.url, DEMO.memberA);
    expect((await member.get("/api/me/calendar-token")).body).toMatchObject({ active: false, links: null });
    const created = await member.post("/api/me/calendar-token");
    expect(created.status).toBe(201);
    const status = created.body as CalendarTokenStatus;
    expect(status.active).toBe(true);
    const links = status.links;
    if (!links) throw new Error("no links");
    expect(links.groups.map((group) => group.slug)).toEqual(["gwd-malopolska"]);
    const stored = await CalendarFeedToken.find().lean();
    const token = pathOf(links.personalUrl).replace("/api/calendar/feeds/", "").replace(".ics", "");
    // Only the hash is kept.
    expect(stored.some((entry) => entry.tokenHash.includes(token))).toBe(false);
    expect(stored).toHaveLength(1);

    const visitor = await csrfAgent(server.url);
    const feed = await visitor.get(pathOf(links.personalUrl));
    expect(feed.status).toBe(200);
    expect(feed.headers["content-type"]).toContain("text/calendar");
    const ics = feed.text;
    expect(ics).toContain("BEGIN:VCALENDAR");
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(9);
    const malopolska = (await member.get("/api/groups/gwd-malopolska/meetings")).body as GroupMeetingsView;
    const session = [...malopolska.upcoming, ...malopolska.past].find((candidate) => candidate.number === 4);
    expect(ics).toContain(`UID:meeting-${session?.id}@forum-jst`);
    const start = new Date(session?.startsAt ?? "")
      .toISOString()
      .replace(/[-:]/g, "")
      .replace(/\.\d{3}/, "");
    expect(ics).toContain(`DTSTART:${start}`);
    expect(ics).toContain("STATUS:CONFIRMED");
    expect(ics).toMatch(/LOCATION:Kraków/);
    expect(ics).toContain("Sesja 4");

    const groupFeed = await visitor.get(pathOf(links.groups[0]?.url ?? ""));
    expect(groupFeed.status).toBe(200);
    expect(groupFeed.text.match(/BEGIN:VEVENT/g)).toHaveLength(9);
    // A group the owner does not belong to is not in their feeds.
    const foreign = pathOf(links.personalUrl).replace(".ics", "/groups/gwd-wielkopolska-pomorze.ics");
    expect((await visitor.get(foreign)).status).toBe(404);

    const replaced = (await member.post("/api/me/calendar-token")).body as CalendarTokenStatus;
    expect((await visitor.get(pathOf(links.personalUrl))).status).toBe(404);
    expect((await visitor.get(pathOf(replaced.links?.personalUrl ?? ""))).status).toBe(200);

    expect((await member.delete("/api/me/calendar-token")).status).toBe(204);
    expect((await visitor.get(pathOf(replaced.links?.personalUrl ?? ""))).status).toBe(404);
    expect((await visitor.get(pathOf(replaced.links?.groups[0]?.url ?? ""))).status).toBe(404);
    expect((await member.get("/api/me/calendar-token")).body).toMatchObject({ active: false });
  });

  it("gives staff every group's sessions in the personal feed, and group feeds for the groups they belong to", async () => {
    const moderator = await signedInAgent(server.url, DEMO.moderator);
    const links = ((await moderator.post("/api/me/calendar-token")).body as CalendarTokenStatus).links;
    expect(links?.groups.map((group) => group.slug).sort()).toEqual(["gwd-lubelskie-dolnoslaskie", "gwd-malopolska"]);
    const visitor = await csrfAgent(server.url);
    const feed = await visitor.get(pathOf(links?.personalUrl ?? ""));
    expect(feed.text.match(/BEGIN:VEVENT/g)).toHaveLength(27);
    // Readable, though not listed: staff may subscribe to any group's feed.
    const other = pathOf(links?.personalUrl ?? "").replace(".ics", "/groups/gwd-wielkopolska-pomorze.ics");
    expect((await visitor.get(other)).status).toBe(200);
  });

  it("answers unknown tokens with 404 and visitors' token requests with 401", async () => {
    const visitor = await csrfAgent(server.url);
    expect((await visitor.get("/api/calendar/feeds/nieznany-token.ics")).status).toBe(404);
    expect((await visitor.post("/api/me/calendar-token")).status).toBe(401);
    expect((await visitor.delete("/api/me/calendar-token")).status).toBe(401);
  });
});
