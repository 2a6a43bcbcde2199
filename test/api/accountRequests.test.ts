import request from "supertest";
import type TestAgent from "supertest/lib/agent.js";
import type { AdminUserView } from "@forum/shared";
import { csrfAgent, DEMO, signedInAgent } from "../support/http.js";
import { startSmtpReceiver, type SmtpReceiver } from "../support/smtpReceiver.js";
import { startTestServer, type TestServer } from "../support/testServer.js";

const PUBLIC_URL = "http://forum.test";
const RECEIVED = { message: "Dziękujemy. Prośba trafiła do moderatorów; odpowiedź wyślemy e-mailem." };
const PASSWORD = "Zielony-Rower-Pod-Wawelem-7";

let server: TestServer;
let smtp: SmtpReceiver;
let moderator: TestAgent;

beforeAll(async () => {
  smtp = await startSmtpReceiver();
  server = await startTestServer({ seed: true, label: "account-requests", env: { SMTP_URL: smtp.url, PUBLIC_URL } });
  moderator = await signedInAgent(server.url, DEMO.moderator);
}, 120_000);
afterAll(async () => {
  await server?.stop();
  await smtp?.stop();
});

// The per-IP limit is 10 requests an hour and every request here comes from 127.0.0.1: keep count.
const requestForm = (email: string, overrides: Record<string, unknown> = {}) => ({
  email,
  name: "Helena Wnioskująca",
  password: PASSWORD,
  jstTeryt: "1219053",
  position: "Inspektorka ds. oświaty",
  addresseeGroup: "pracownik_operacyjny",
  message: "Nasza gmina prowadzi 7 szkół; chcemy dołączyć do sieci.",
  ...overrides,
});

const ask = async (email: string, overrides: Record<string, unknown> = {}) =>
  (await csrfAgent(server.url)).post("/api/account-requests").send(requestForm(email, overrides));

const signIn = async (email: string, password = PASSWORD) =>
  (await csrfAgent(server.url)).post("/api/auth/login").send({ email, password });

describe("an account request", () => {
  const email = "helena.wniosek@example.pl";

  it("creates a pending account, thanks the person by e-mail, and does not let them sign in yet", async () => {
    const response = await ask(email); // 1
    expect(response.status).toBe(202);
    expect(response.body).toEqual(RECEIVED);
    const mail = await smtp.waitForMail(email);
    expect(mail.subject).toBe("Otrzymaliśmy prośbę o konto w Forum Współpracy JST");
    expect(mail.text).toContain("Helena Wnioskująca");

    const { User } = await import("../../server/src/models/User.js");
    const stored = await User.findOne({ email }).lean();
    expect(stored).toMatchObject({ status: "pending", requestMessage: requestForm(email).message });

    const login = await signIn(email);
    expect(login.status).toBe(403);
    expect(login.body.error.code).toBe("account_pending");
  });

  it("for an address that already has an account answers the same and mails the owner a reset link", async () => {
    const response = await ask(DEMO.memberA); // 2
    expect(response.status).toBe(202);
    expect(response.body).toEqual(RECEIVED);
    const mail = await smtp.waitForMail(DEMO.memberA);
    expect(mail.subject).toContain("Ma już Pani/Pan konto");
    expect(mail.text).toContain(`${PUBLIC_URL}/haslo/reset`);
    const { User } = await import("../../server/src/models/User.js");
    const anna = await User.findOne({ email: DEMO.memberA }).lean();
    expect(anna?.status).toBe("active");
    expect(await User.countDocuments({ email: DEMO.memberA })).toBe(1);
  });

  it("with an unknown JST or a weak password is refused on the field", async () => {
    const unknownJst = await ask("zly.kod@example.pl", { jstTeryt: "9999999" }); // 3
    expect(unknownJst.status).toBe(400);
    expect(unknownJst.body.error.fields.jstTeryt).toBe("Wybierz JST z listy.");
    const weak = await ask("slabe.haslo@example.pl", { password: "haslo123" }); // refused before counting
    expect(weak.status).toBe(400);
    expect(weak.body.error.fields.password).toMatch(/[Hh]asło/);
  });

  it("is listed for moderators, oldest first, with the person's message", async () => {
    const response = await moderator.get("/api/account-requests");
    expect(response.status).toBe(200);
    const requests = response.body.requests as AdminUserView[];
    expect(requests.map((item) => item.email)).toEqual([email]);
    expect(requests[0]).toMatchObject({
      status: "pending",
      role: "member",
      requestMessage: requestForm(email).message,
      jst: { teryt: "1219053" },
      groups: [],
    });
  });

  it("is hidden from members and visitors", async () => {
    const anna = await signedInAgent(server.url, DEMO.memberA);
    expect([403, 404]).toContain((await anna.get("/api/account-requests")).status);
    const pendingId = (await moderator.get("/api/account-requests")).body.requests[0].id as string;
    expect([403, 404]).toContain((await anna.post(`/api/account-requests/${pendingId}/approve`).send({})).status);
    expect((await request(server.url).get("/api/account-requests")).status).toBe(401);
  });

  it("approved, becomes active: the person is told by e-mail and can sign in", async () => {
    const pendingId = (await moderator.get("/api/account-requests")).body.requests[0].id as string;
    const approved = await moderator.post(`/api/account-requests/${pendingId}/approve`).send({});
    expect(approved.status).toBe(200);
    expect(approved.body.user).toMatchObject({ id: pendingId, email, status: "active" });
    const mail = await smtp.waitForMail(email);
    expect(mail.subject).toBe("Konto w Forum Współpracy JST jest aktywne");
    expect(mail.text).toContain(`${PUBLIC_URL}/logowanie`);
    expect((await signIn(email)).status).toBe(200);

    const twice = await moderator.post(`/api/account-requests/${pendingId}/approve`).send({});
    expect(twice.status).toBe(409);
    const { Event } = await import("../../server/src/models/Event.js");
    const event = await Event.findOne({ name: "users.approveRequest" }).lean();
    expect(event?.data).toEqual({ before: { status: "pending" }, after: { status: "active" } });
  });

  it("rejected, stays closed: the person gets the moderator's message and cannot sign in", async () => {
    const rejectedEmail = "odrzucona@example.pl";
    expect((await ask(rejectedEmail)).status).toBe(202); // 4
    await smtp.waitForMail(rejectedEmail);
    const { User } = await import("../../server/src/models/User.js");
    const pending = await User.findOne({ email: rejectedEmail }).lean();

    const noReason = await moderator.post(`/api/account-requests/${pending?._id}/reject`).send({ message: "" });
    expect(noReason.status).toBe(400);
    const reason = "Forum jest przeznaczone dla JST prowadzących szkoły.\nZapraszamy do kontaktu z ZMP.";
    const rejected = await moderator.post(`/api/account-requests/${pending?._id}/reject`).send({ message: reason });
    expect(rejected.status).toBe(200);
    expect(rejected.body.user.status).toBe("rejected");
    const mail = await smtp.waitForMail(rejectedEmail);
    expect(mail.text).toContain("> Forum jest przeznaczone dla JST prowadzących szkoły.");
    expect(mail.text).toContain("> Zapraszamy do kontaktu z ZMP.");

    const login = await signIn(rejectedEmail);
    expect(login.status).toBe(401);
  });

  it("is limited per address: the fourth in an hour answers 429 in Polish", async () => {
    const limited = "wiele.razy@example.pl";
    for (let attempt = 0; attempt < 3; attempt += 1) expect((await ask(limited)).status).toBe(202); // 5, 6, 7
    const blocked = await ask(limited); // 8
    expect(blocked.status).toBe(429);
    expect(blocked.body.error.message).toMatch(/^Zbyt wiele prób\. Spróbuj ponownie za \d+ min\.$/);
  });
});
