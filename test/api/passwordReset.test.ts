import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import mongoose from "mongoose";
import { csrfAgent, DEMO, DEMO_PASSWORD, signedInAgent } from "../support/http.js";
import { linkToken, startSmtpReceiver, type SmtpReceiver } from "../support/smtpReceiver.js";
import { testDatabaseName } from "../support/testDatabase.js";
import { spawnForum, startTestServer, type TestServer } from "../support/testServer.js";

const PUBLIC_URL = "http://forum.test";
const RESET_LINK = `${PUBLIC_URL}/haslo/nowe/`;
const REQUESTED = { message: "Jeśli konto o tym adresie istnieje, wysłaliśmy na nie link do ustawienia nowego hasła." };
const NEW_PASSWORD = "Jesienne-Liscie-Nad-Wisla-42";

let server: TestServer;
let smtp: SmtpReceiver;

beforeAll(async () => {
  smtp = await startSmtpReceiver();
  server = await startTestServer({ seed: true, label: "password-reset", env: { SMTP_URL: smtp.url, PUBLIC_URL } });
}, 120_000);
afterAll(async () => {
  await server?.stop();
  await smtp?.stop();
});

const askForReset = async (email: string) =>
  (await csrfAgent(server.url)).post("/api/auth/password-reset/request").send({ email });
const confirm = async (token: string, password: string) =>
  (await csrfAgent(server.url)).post("/api/auth/password-reset/confirm").send({ token, password });
const signIn = async (email: string, password: string) =>
  (await csrfAgent(server.url)).post("/api/auth/login").send({ email, password });

describe("password reset", () => {
  it("mails a link that sets a new password once, ends the old sessions, and the old password stops working", async () => {
    const oldSession = await signedInAgent(server.url, DEMO.memberA);
    expect((await oldSession.get("/api/auth/me")).body.user.email).toBe(DEMO.memberA);

    const response = await askForReset(DEMO.memberA);
    expect(response.status).toBe(202);
    expect(response.body).toEqual(REQUESTED);
    const mail = await smtp.waitForMail(DEMO.memberA);
    expect(mail.subject).toBe("Ustawienie nowego hasła w Forum Współpracy JST");
    const token = linkToken(mail, RESET_LINK);

    const { PasswordResetToken } = await import("../../server/src/models/PasswordResetToken.js");
    expect(await PasswordResetToken.countDocuments({ tokenHash: token })).toBe(0);
    // The mail follows from the event, but the link's token never goes into the event log.
    const { Event } = await import("../../server/src/models/Event.js");
    expect(await Event.countDocuments({ name: "users.passwordResetRequest" })).toBeGreaterThan(0);
    expect(JSON.stringify(await Event.find({}).lean())).not.toContain(token);

    const weak = await confirm(token, "haslo123");
    expect(weak.status).toBe(400);
    const { passwordWeakness } = await import("@forum/shared");
    expect(weak.body.error.fields.password).toBe(passwordWeakness("haslo123"));

    const done = await confirm(token, NEW_PASSWORD);
    expect(done.status).toBe(200);
    expect(done.body).toEqual({ message: "Hasło zmienione. Możesz się zalogować." });

    expect((await oldSession.get("/api/auth/me")).body.user).toBeNull();
    expect((await oldSession.get("/api/groups")).status).toBe(401);
    expect((await signIn(DEMO.memberA, DEMO_PASSWORD)).status).toBe(401);
    expect((await signIn(DEMO.memberA, NEW_PASSWORD)).status).toBe(200);

    const reused = await confirm(token, "Inne-Dlugie-Haslo-Zimowe-99");
    expect(reused.status).toBe(400);
    expect(reused.body.error.code).toBe("reset_invalid");
    expect(reused.body.error.message).toMatch(/nieważny lub wygasł/);
  });

  it("for an unknown address answers exactly the same and sends nothing", async () => {
    const known = await askForReset(DEMO.memberB);
    const unknown = await askForReset("nikogo.takiego@example.pl");
    expect(unknown.status).toBe(known.status);
    expect(unknown.body).toEqual(known.body);
    expect(Object.keys(unknown.headers).sort()).toEqual(Object.keys(known.headers).sort());
    await smtp.waitForMail(DEMO.memberB);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(smtp.mailsTo("nikogo.takiego@example.pl")).toEqual([]);
  });

  it("using one link closes the user's other open links", async () => {
    // The previous test already sent Marek one link.
    const first = smtp.mailsTo(DEMO.memberB)[0];
    expect(first).toBeDefined();
    expect((await askForReset(DEMO.memberB)).status).toBe(202);
    const second = linkToken(await smtp.waitForMail(DEMO.memberB), RESET_LINK);
    expect((await confirm(second, NEW_PASSWORD)).status).toBe(200);
    const old = await confirm(linkToken(first!, RESET_LINK), "Jeszcze-Inne-Haslo-Letnie-77");
    expect(old.status).toBe(400);
    expect(old.body.error.code).toBe("reset_invalid");
  });

  it("refuses an expired link and an unknown one", async () => {
    expect((await askForReset(DEMO.expert)).status).toBe(202);
    const token = linkToken(await smtp.waitForMail(DEMO.expert), RESET_LINK);
    const { PasswordResetToken } = await import("../../server/src/models/PasswordResetToken.js");
    await PasswordResetToken.updateMany({}, { $set: { expiresAt: new Date(Date.now() - 1_000) } });
    expect((await confirm(token, NEW_PASSWORD)).body.error.code).toBe("reset_invalid");
    expect((await confirm("x".repeat(43), NEW_PASSWORD)).body.error.code).toBe("reset_invalid");
    expect((await signIn(DEMO.expert, DEMO_PASSWORD)).status).toBe(200);
  });

  it("is limited per address: the fourth request in an hour answers 429 in Polish", async () => {
    for (let attempt = 0; attempt < 3; attempt += 1) expect((await askForReset(DEMO.moderator)).status).toBe(202);
    const blocked = await askForReset(DEMO.moderator);
    expect(blocked.status).toBe(429);
    expect(blocked.body.error.message).toMatch(/^Zbyt wiele prób\. Spróbuj ponownie za \d+ min\.$/);
  });
});

describe("e-mail without SMTP_URL", () => {
  it("is written as an .eml file into DATA_DIR/mail", async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), "forum-jst-mail-"));
    const dbName = testDatabaseName("mail-files");
    const forum = await spawnForum({ dbName, seed: true, env: { DATA_DIR: dataDir, PUBLIC_URL } });
    try {
      const agent = await withVisitor(forum.url);
      expect((await agent.post("/api/auth/password-reset/request").send({ email: DEMO.memberA })).status).toBe(202);
      const mailDir = path.join(dataDir, "mail");
      let files: string[] = [];
      for (let waited = 0; files.length === 0 && waited < 5_000; waited += 100) {
        files = await readdir(mailDir).catch(() => []);
        if (files.length === 0) await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(files).toHaveLength(1);
      expect(files[0]).toMatch(/\.eml$/);
      const eml = (await readFile(path.join(mailDir, files[0]!), "utf8")).replace(/=\r?\n/g, "");
      expect(eml).toMatch(/^To: anna\.kowalska@demo\.forum-jst\.pl$/m);
      expect(eml).toContain("haslo/nowe/");
    } finally {
      forum.child.kill("SIGTERM");
      await forum.exited;
      await mongoose.connection.getClient().db(dbName).dropDatabase();
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 120_000);
});

const withVisitor = (url: string) => csrfAgent(url);
