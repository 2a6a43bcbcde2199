import request from "supertest";
import type { LaunchChecklistResponse, LaunchCheckKey, SitePageResponse } from "@forum/shared";
import { recordBackup } from "../../server/src/backup/backupRecord.js";
import { DEMO, signedInAgent } from "../support/http.js";
import { spawnForum, startTestServer, type TestServer } from "../support/testServer.js";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ seed: true, label: "launch" });
}, 120_000);
afterAll(() => server?.stop());

const byKey = (body: LaunchChecklistResponse) =>
  Object.fromEntries(body.checks.map((check) => [check.key, check])) as Record<
    LaunchCheckKey,
    LaunchChecklistResponse["checks"][number]
  >;

/** The shipped text with every "[…]" template field filled, as an admin would. */
const filled = (markdown: string) =>
  markdown
    .replace(/\[adres e-mail\]/g, "dostepnosc@zmp.poznan.pl")
    .replace(/\[adres e-mail[^\]]*\]/g, "iod@zmp.poznan.pl")
    .replace(/\[RRRR-MM-DD\]/g, "2026-12-01")
    .replace(/(?<![\]!\\])\[([^[\]\n]+)\](?![([:])/g, "uzupełnione: $1");

describe("legal pages before they are filled", () => {
  it("tell visitors and members the page is being prepared, without the template's text", async () => {
    for (const slug of ["privacy", "accessibility"]) {
      const visitor = (await request(server.url).get(`/api/pages/${slug}`)).body as SitePageResponse;
      expect(visitor.page).toMatchObject({ slug, inPreparation: true, markdown: "", html: "", unfilled: [] });
      const member = await signedInAgent(server.url, DEMO.memberA);
      const asMember = (await member.get(`/api/pages/${slug}`)).body as SitePageResponse;
      expect(asMember.page).toMatchObject({ inPreparation: true, html: "" });
    }
  });

  it("give the admin the draft and the fields left to fill", async () => {
    const admin = await signedInAgent(server.url, DEMO.admin);
    const { page } = (await admin.get("/api/pages/privacy")).body as SitePageResponse;
    expect(page.inPreparation).toBe(true);
    expect(page.html).toContain("Administratorem danych");
    expect(page.unfilled).toEqual(expect.arrayContaining(["adres e-mail IOD", "pełna nazwa i forma prawna"]));
    // Links in the text ("[swoim profilu](/profil)") are not fields.
    expect(page.unfilled).not.toContain("swoim profilu");
  });
});

describe("launch checklist", () => {
  it("is for admins only: moderators and members are not told it exists", async () => {
    expect((await request(server.url).get("/api/admin/launch-checklist")).status).toBe(401);
    for (const email of [DEMO.memberA, DEMO.moderator]) {
      const agent = await signedInAgent(server.url, email);
      expect((await agent.get("/api/admin/launch-checklist")).status).toBe(404);
      expect((await agent.get("/api/auth/me")).body.abilities.launchChecklist).toBeUndefined();
    }
    const admin = await signedInAgent(server.url, DEMO.admin);
    expect((await admin.get("/api/auth/me")).body.abilities.launchChecklist).toBe(true);
  });

  it("ticks each item from the database: legal pages, the coordinator's contact, a backup taken", async () => {
    const admin = await signedInAgent(server.url, DEMO.admin);
    const before = byKey((await admin.get("/api/admin/launch-checklist")).body);
    expect(Object.keys(before)).toEqual([
      "legalPages",
      "accessibilityContact",
      "publicUrl",
      "smtp",
      "sessionSecret",
      "backup",
    ]);
    expect(Object.values(before).every((check) => !check.done)).toBe(true);
    expect(before.legalPages.unfilled).toBeGreaterThan(10);

    // The privacy notice filled: one page is not enough.
    const privacy = ((await admin.get("/api/pages/privacy")).body as SitePageResponse).page;
    const savedPrivacy = await admin
      .put("/api/pages/privacy")
      .send({ title: privacy.title, markdown: filled(privacy.markdown), baseVersion: privacy.version });
    expect(savedPrivacy.status).toBe(200);
    expect((savedPrivacy.body as SitePageResponse).page).toMatchObject({ inPreparation: false, unfilled: [] });
    const halfway = byKey((await admin.get("/api/admin/launch-checklist")).body);
    expect(halfway.legalPages.done).toBe(false);
    expect(halfway.legalPages.unfilled).toBeLessThan(before.legalPages.unfilled!);

    // The statement filled, but its coordinator given without an e-mail address: the pages are done, the contact not.
    const statement = ((await admin.get("/api/pages/accessibility")).body as SitePageResponse).page;
    const withoutEmail = filled(
      statement.markdown.replace(
        /\[imię i nazwisko\], e-mail: \[adres e-mail\], tel\. \[numer telefonu\]/,
        "Jan Nowak, tel. 22 123 45 67",
      ),
    );
    await admin
      .put("/api/pages/accessibility")
      .send({ title: statement.title, markdown: withoutEmail, baseVersion: statement.version })
      .expect(200);
    const noContact = byKey((await admin.get("/api/admin/launch-checklist")).body);
    expect([noContact.legalPages.done, noContact.accessibilityContact.done]).toEqual([true, false]);

    await admin
      .put("/api/pages/accessibility")
      .send({ title: statement.title, markdown: filled(statement.markdown), baseVersion: statement.version + 1 })
      .expect(200);
    await recordBackup("/kopie/forum-jst-20261207.jsonl.gz", new Date("2026-12-07T10:00:00Z"));
    const after = byKey((await admin.get("/api/admin/launch-checklist")).body);
    expect(after.legalPages).toEqual({ key: "legalPages", done: true, unfilled: 0 });
    expect(after.accessibilityContact.done).toBe(true);
    expect(after.backup).toEqual({ key: "backup", done: true, at: "2026-12-07T10:00:00.000Z" });
    // Configuration is not the database's: still to do on this server.
    expect([after.publicUrl.done, after.smtp.done, after.sessionSecret.done]).toEqual([false, false, false]);

    // Filled pages are public again.
    const visitor = (await request(server.url).get("/api/pages/privacy")).body as SitePageResponse;
    expect(visitor.page).toMatchObject({ inPreparation: false, unfilled: [] });
    expect(visitor.page.html).toContain("iod@zmp.poznan.pl");
  });

  it("ticks the configuration from what the server runs with, never showing the mail server's password", async () => {
    const forum = await spawnForum({
      dbName: server.dbName,
      seed: false,
      env: {
        PUBLIC_URL: "https://forum.zmp.example.pl",
        SMTP_URL: "smtp://forum:tajne-haslo@poczta.zmp.example.pl:587",
        SESSION_SECRET: "sekret-sesji-testu-0123456789-abcdefghijkl",
      },
    });
    try {
      const admin = await signedInAgent(forum.url, DEMO.admin);
      const response = await admin.get("/api/admin/launch-checklist");
      const checks = byKey(response.body);
      expect(checks.publicUrl).toEqual({ key: "publicUrl", done: true, value: "https://forum.zmp.example.pl" });
      expect(checks.smtp).toEqual({ key: "smtp", done: true, value: "poczta.zmp.example.pl:587" });
      expect(checks.sessionSecret.done).toBe(true);
      expect(response.text).not.toContain("tajne-haslo");
      expect(response.text).not.toContain("sekret-sesji");
    } finally {
      forum.child.kill("SIGTERM");
      await forum.exited;
    }
    // An http:// address is not ready for launch: links in e-mails would go out unencrypted.
    const plain = await spawnForum({ dbName: server.dbName, seed: false, env: { PUBLIC_URL: "http://forum.test" } });
    try {
      const admin = await signedInAgent(plain.url, DEMO.admin);
      const checks = byKey((await admin.get("/api/admin/launch-checklist")).body);
      expect(checks.publicUrl).toEqual({ key: "publicUrl", done: false, value: "http://forum.test" });
    } finally {
      plain.child.kill("SIGTERM");
      await plain.exited;
    }
  }, 120_000);
});
