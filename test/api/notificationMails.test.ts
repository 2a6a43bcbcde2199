import { randomUUID } from "node:crypto";
import request from "supertest";
import type TestAgent from "supertest/lib/agent.js";
import { User } from "../../server/src/models/User.js";
import { DEMO, signedInAgent } from "../support/http.js";
import { startSmtpReceiver, type ReceivedMail, type SmtpReceiver } from "../support/smtpReceiver.js";
import { firstThreadIn } from "../support/sockets.js";
import { spawnForum, startTestServer, type TestServer } from "../support/testServer.js";

const PUBLIC_URL = "http://forum.test";
const PIOTR = "piotr.mazur@demo.forum-jst.pl";
const MAGDALENA = "magdalena.wojcik@demo.forum-jst.pl";
const TWO_DAYS_MS = 2 * 24 * 60 * 60 * 1000;

let smtp: SmtpReceiver;
let server: TestServer;
/** Where the forum answers now (a restart changes the port). */
let url = "";
let stopRestarted: (() => Promise<void>) | null = null;
let threadId = "";

const env = () => ({ SMTP_URL: smtp.url, PUBLIC_URL, DIGEST_CHECK_INTERVAL_MS: "250" });
const mention = async (agent: TestAgent, text: string) => {
  const response = await agent.post(`/api/threads/${threadId}/posts`).send({ body: text, clientId: randomUUID() });
  expect(response.status).toBe(201);
  return response.body.post.id as string;
};
const setConsents = async (email: string, consents: { digest: string; mentionEmails: boolean }) => {
  const agent = await signedInAgent(url, email);
  const response = await agent
    .patch("/api/me/consents")
    .send({ ...consents, directoryListing: false, newsletter: false });
  expect(response.status).toBe(200);
};
const unsubscribeToken = (mail: ReceivedMail): string => {
  const match = new RegExp(`${PUBLIC_URL}/wypisz/(\\S+)`).exec(mail.text);
  if (!match?.[1]) throw new Error(`no unsubscribe link in:\n${mail.text}`);
  return match[1];
};
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const digestsTo = (email: string) => smtp.mailsTo(email).filter((mail) => mail.subject.startsWith("Podsumowanie"));

/** Stops whichever forum process runs and starts a new one on the same database. */
async function restart(extraEnv: Record<string, string> = {}): Promise<void> {
  if (stopRestarted) await stopRestarted();
  else {
    server.child.kill("SIGTERM");
    await new Promise((resolve) => server.child.once("exit", resolve));
  }
  const forum = await spawnForum({ dbName: server.dbName, seed: false, env: { ...env(), ...extraEnv } });
  url = forum.url;
  stopRestarted = async () => {
    forum.child.kill("SIGTERM");
    await forum.exited;
  };
}

beforeAll(async () => {
  smtp = await startSmtpReceiver();
  server = await startTestServer({ seed: true, label: "notify-mail", env: env() });
  url = server.url;
  threadId = await firstThreadIn(await signedInAgent(url, DEMO.memberA), "gwd-malopolska", "dyskusje");
}, 120_000);

afterAll(async () => {
  if (stopRestarted) await stopRestarted();
  await server?.stop();
  await smtp?.stop();
});

describe("mention e-mails", () => {
  it("go at once to people who opted in and may read the thread, with a one-click unsubscribe", async () => {
    await setConsents(PIOTR, { digest: "off", mentionEmails: true });
    await setConsents(DEMO.memberB, { digest: "off", mentionEmails: true });
    const anna = await signedInAgent(url, DEMO.memberA);
    const postId = await mention(anna, "Czy @piotr.mazur i @marek.kaminski mają dane?");

    const mail = await smtp.waitForMail(PIOTR);
    expect(mail.subject).toContain("Anna Kowalska");
    expect(mail.text).toContain(`${PUBLIC_URL}/watki/${threadId}#wpis-${postId}`);
    const token = unsubscribeToken(mail);
    expect(mail.headers["list-unsubscribe"]).toBe(`<${PUBLIC_URL}/api/unsubscribe/${token}>`);
    expect(mail.headers["list-unsubscribe-post"]).toBe("List-Unsubscribe=One-Click");
    // Marek (another group) opted in too, but may not read the thread: no mail, no notification.
    await wait(1000);
    expect(smtp.mailsTo(DEMO.memberB)).toHaveLength(0);
  });

  it("stop after one click on the link, without signing in", async () => {
    const token = unsubscribeToken(smtp.mailsTo(PIOTR)[0] as ReceivedMail);
    const visitor = request(url);
    expect((await visitor.get(`/api/unsubscribe/${token}`)).body).toEqual({ kind: "mentions", alreadyOff: false });
    const forged = `${token.slice(0, -3)}xyz`;
    expect((await visitor.post(`/api/unsubscribe/${forged}`)).status).toBe(404);

    // What a mail program sends (RFC 8058): a form POST from elsewhere, no session, no CSRF token.
    const clicked = await visitor
      .post(`/api/unsubscribe/${token}`)
      .set("Origin", "https://poczta.example")
      .type("form")
      .send("List-Unsubscribe=One-Click");
    expect(clicked.status).toBe(200);
    expect(clicked.body).toEqual({ kind: "mentions", alreadyOff: true });
    expect((await User.findOne({ email: PIOTR }).lean())?.consents?.mentionEmails).toBe(false);

    await mention(await signedInAgent(url, DEMO.memberA), "Jeszcze raz @piotr.mazur.");
    await wait(1500);
    expect(smtp.mailsTo(PIOTR)).toHaveLength(1);
  });
});

describe("digests", () => {
  it("are sent once per period, also across restarts, with only what is new", async () => {
    const anna = await signedInAgent(url, DEMO.memberA);
    const firstPost = await mention(anna, "Do podsumowania: @magdalena.wojcik.");
    await wait(500);
    await setConsents(MAGDALENA, { digest: "daily", mentionEmails: false });

    const digest = await smtp.waitForMail(MAGDALENA, 10_000);
    expect(digest.subject).toMatch(/^Podsumowanie dzienne/);
    expect(digest.text).toContain(`#wpis-${firstPost}`);
    expect(digest.text).toContain("Anna Kowalska wspomniał(a) o Pani/Panu");
    expect(digest.headers["list-unsubscribe-post"]).toBe("List-Unsubscribe=One-Click");

    await restart();
    await wait(2000);
    expect(digestsTo(MAGDALENA)).toHaveLength(1);

    // Two days later (the scheduler's clock moved forward): a new digest with only the new mention.
    const secondPost = await mention(await signedInAgent(url, DEMO.memberA), "Nowość dla @magdalena.wojcik.");
    await wait(500);
    await restart({ DIGEST_CLOCK_OFFSET_MS: String(TWO_DAYS_MS) });
    const next = await smtp.waitForMail(MAGDALENA, 10_000);
    expect(next.text).toContain(`#wpis-${secondPost}`);
    expect(next.text).not.toContain(`#wpis-${firstPost}`);
    await wait(1500);
    expect(digestsTo(MAGDALENA)).toHaveLength(2);

    // One click on the digest's link turns digests off.
    const token = unsubscribeToken(next);
    expect((await request(url).post(`/api/unsubscribe/${token}`)).body).toEqual({ kind: "digest", alreadyOff: true });
    expect((await User.findOne({ email: MAGDALENA }).lean())?.consents?.digest).toBe("off");
  });
});
