import type { InvitationView } from "@forum/shared";
import type TestAgent from "supertest/lib/agent.js";
import { csrfAgent, DEMO, signedInAgent } from "../support/http.js";
import { linkToken, startSmtpReceiver, type SmtpReceiver } from "../support/smtpReceiver.js";
import { startTestServer, type TestServer } from "../support/testServer.js";

const PUBLIC_URL = "http://forum.test";
const INVITATION_LINK = `${PUBLIC_URL}/zaproszenie/`;
const INVALID = {
  error: { code: "invitation_invalid", message: "Zaproszenie jest nieważne lub wygasło. Poproś moderatora o nowe." },
};
const TOMASZ = "tomasz.wisniewski@demo.forum-jst.pl";
const PIOTR = "piotr.mazur@demo.forum-jst.pl";

let server: TestServer;
let smtp: SmtpReceiver;
let moderator: TestAgent;

beforeAll(async () => {
  smtp = await startSmtpReceiver();
  server = await startTestServer({
    seed: true,
    label: "invitations",
    env: { SMTP_URL: smtp.url, PUBLIC_URL },
  });
  moderator = await signedInAgent(server.url, DEMO.moderator);
}, 120_000);
afterAll(async () => {
  await server?.stop();
  await smtp?.stop();
});

/** What the invitation form sends. */
const joining = (overrides: Record<string, unknown> = {}) => ({
  name: "Zofia Testowa",
  password: "Zielony-Rower-Pod-Wawelem-7",
  jstTeryt: "1219053",
  position: "Dyrektorka Wydziału Oświaty",
  addresseeGroup: "kadra_kierownicza",
  ...overrides,
});

async function invite(agent: TestAgent, email: string, slug = "gwd-malopolska") {
  const response = await agent.post(`/api/groups/${slug}/invitations`).send({ email, role: "member" });
  expect(response.status).toBe(201);
  const mail = await smtp.waitForMail(email);
  return { invitation: response.body.invitation as InvitationView, mail, token: linkToken(mail, INVITATION_LINK) };
}

describe("an invitation", () => {
  it("is mailed with a single-use link that opens an account in the group and signs the person in", async () => {
    const email = "zofia.testowa@example.pl";
    const { invitation, mail, token } = await invite(moderator, email);
    expect(invitation).toMatchObject({
      email,
      group: { slug: "gwd-malopolska" },
      role: "member",
      status: "pending",
      invitedBy: { name: "Katarzyna Nowak" },
    });
    expect(JSON.stringify(invitation)).not.toContain(token);
    expect(mail.subject).toContain("Zaproszenie do grupy");
    expect(mail.text).toContain("Katarzyna Nowak");

    const { Invitation } = await import("../../server/src/models/Invitation.js");
    expect(await Invitation.countDocuments({ tokenHash: token })).toBe(0);

    const visitor = await csrfAgent(server.url);
    const preview = await visitor.get(`/api/invitations/by-token/${token}`);
    expect(preview.status).toBe(200);
    expect(preview.body).toEqual({ email, group: { name: expect.any(String) }, expiresAt: invitation.expiresAt });

    const accepted = await visitor.post(`/api/invitations/by-token/${token}/accept`).send(joining());
    expect(accepted.status).toBe(201);
    expect(accepted.body.user).toMatchObject({
      email,
      name: "Zofia Testowa",
      role: "member",
      jst: { teryt: "1219053" },
    });

    const me = await visitor.get("/api/auth/me");
    expect(me.body.user?.email).toBe(email);
    const groups = await visitor.get("/api/groups");
    expect(groups.body.groups.map((group: { slug: string }) => group.slug)).toEqual(["gwd-malopolska"]);

    const stored = await Invitation.findById(invitation.id).lean();
    expect(stored?.acceptedAt).toBeInstanceOf(Date);
    expect(String(stored?.userId)).toBe(accepted.body.user.id);
    const { Event } = await import("../../server/src/models/Event.js");
    expect(await Event.countDocuments({ name: "invitations.accept", subjectId: stored?._id })).toBe(1);
    // The invitation e-mail follows from its event, but the link's token never goes into the event log.
    expect(await Event.countDocuments({ name: "invitations.create", subjectId: stored?._id })).toBe(1);
    expect(JSON.stringify(await Event.find({}).lean())).not.toContain(token);

    const again = await (await csrfAgent(server.url)).get(`/api/invitations/by-token/${token}`);
    expect(again.status).toBe(404);
    expect(again.body).toEqual(INVALID);
  });

  it("accepted twice at once makes one account; the second submit is told the link is used", async () => {
    const email = "podwojne.klikniecie@example.pl";
    const { token } = await invite(moderator, email);
    const [first, second] = await Promise.all([
      (await csrfAgent(server.url)).post(`/api/invitations/by-token/${token}/accept`).send(joining()),
      (await csrfAgent(server.url)).post(`/api/invitations/by-token/${token}/accept`).send(joining()),
    ]);
    expect([first.status, second.status].sort()).toEqual([201, 404]);
    expect([first, second].find((response) => response.status === 404)?.body).toEqual(INVALID);
    const { User } = await import("../../server/src/models/User.js");
    expect(await User.countDocuments({ email })).toBe(1);

    const late = await (await csrfAgent(server.url)).post(`/api/invitations/by-token/${token}/accept`).send(joining());
    expect(late.status).toBe(404);
  });

  it("expired, cannot be opened or accepted", async () => {
    const email = "spozniony@example.pl";
    const { invitation, token } = await invite(moderator, email);
    const { Invitation } = await import("../../server/src/models/Invitation.js");
    await Invitation.updateOne({ _id: invitation.id }, { $set: { expiresAt: new Date(Date.now() - 1000) } });

    const visitor = await csrfAgent(server.url);
    const preview = await visitor.get(`/api/invitations/by-token/${token}`);
    expect(preview.status).toBe(404);
    expect(preview.body).toEqual(INVALID);
    const accept = await visitor.post(`/api/invitations/by-token/${token}/accept`).send(joining());
    expect(accept.status).toBe(404);
    expect(accept.body).toEqual(INVALID);

    const list = await moderator.get("/api/groups/gwd-malopolska/invitations");
    const listed = list.body.invitations.find((item: InvitationView) => item.id === invitation.id);
    expect(listed.status).toBe("expired");
  });

  it("with an unknown token answers the same 'invalid' message", async () => {
    const visitor = await csrfAgent(server.url);
    const unknown = "A".repeat(43);
    expect((await visitor.get(`/api/invitations/by-token/${unknown}`)).body).toEqual(INVALID);
    const accept = await visitor.post(`/api/invitations/by-token/${unknown}/accept`).send(joining());
    expect(accept.status).toBe(404);
    expect(accept.body).toEqual(INVALID);
  });

  it("refuses a weak password with the shared schema's Polish message", async () => {
    const visitor = await csrfAgent(server.url);
    const response = await visitor
      .post(`/api/invitations/by-token/${"B".repeat(43)}/accept`)
      .send(joining({ password: "haslo123" }));
    expect(response.status).toBe(400);
    const { passwordWeakness } = await import("@forum/shared");
    expect(response.body.error.fields.password).toBe(passwordWeakness("haslo123"));
    expect(response.body.error.fields.password).toMatch(/[Hh]asło/);
  });

  it("resent gets a new link, and the old one stops working", async () => {
    const tomasz = await signedInAgent(server.url, TOMASZ);
    const email = "ponownie@example.pl";
    const { invitation, token: oldToken } = await invite(tomasz, email, "gwd-wielkopolska-pomorze");
    const resent = await tomasz.post(`/api/invitations/${invitation.id}/resend`).send({});
    expect(resent.status).toBe(200);
    expect(resent.body.invitation).toMatchObject({ id: invitation.id, status: "pending" });
    const newToken = linkToken(await smtp.waitForMail(email), INVITATION_LINK);
    expect(newToken).not.toBe(oldToken);

    const visitor = await csrfAgent(server.url);
    expect((await visitor.get(`/api/invitations/by-token/${oldToken}`)).status).toBe(404);
    expect((await visitor.get(`/api/invitations/by-token/${newToken}`)).status).toBe(200);
  });

  it("to someone who already has an account adds them to the group and tells them by e-mail", async () => {
    const tomasz = await signedInAgent(server.url, TOMASZ);
    const response = await tomasz
      .post("/api/groups/gwd-malopolska/invitations")
      .send({ email: DEMO.memberB, role: "member" });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ invitation: null, addedMember: { email: DEMO.memberB } });
    const mail = await smtp.waitForMail(DEMO.memberB);
    expect(mail.subject).toContain("Dodano");
    expect(mail.text).toContain(`${PUBLIC_URL}/grupy/gwd-malopolska`);
    const marek = await signedInAgent(server.url, DEMO.memberB);
    const groups = await marek.get("/api/groups");
    expect(groups.body.groups.map((group: { slug: string }) => group.slug)).toContain("gwd-malopolska");
  });
});

describe("who may invite", () => {
  const body = { email: "ktokolwiek@example.pl", role: "member" };

  it("a visitor is asked to sign in", async () => {
    const visitor = await csrfAgent(server.url);
    expect((await visitor.post("/api/groups/gwd-malopolska/invitations").send(body)).status).toBe(401);
    expect((await visitor.get("/api/groups/gwd-malopolska/invitations")).status).toBe(401);
  });

  it("a member of the group who is not its facilitator is forbidden", async () => {
    const anna = await signedInAgent(server.url, DEMO.memberA);
    const response = await anna.post("/api/groups/gwd-malopolska/invitations").send(body);
    expect(response.status).toBe(403);
    expect((await anna.get("/api/groups/gwd-malopolska/invitations")).status).toBe(403);
  });

  it("a member of another group does not even see the group", async () => {
    const otherGroupMember = await signedInAgent(server.url, "joanna.lewandowska@demo.forum-jst.pl");
    const response = await otherGroupMember.post("/api/groups/gwd-malopolska/invitations").send(body);
    expect(response.status).toBe(404);
  });

  it("a facilitator who is a plain member otherwise invites to their own group only", async () => {
    const { Membership } = await import("../../server/src/models/Membership.js");
    const { User } = await import("../../server/src/models/User.js");
    const piotr = await User.findOne({ email: PIOTR }).lean();
    await Membership.updateOne({ userId: piotr?._id }, { $set: { role: "facilitator" } });

    const agent = await signedInAgent(server.url, PIOTR);
    const own = await agent.post("/api/groups/gwd-malopolska/invitations").send({ email: "od.piotra@example.pl" });
    expect(own.status).toBe(201);
    expect(own.body.invitation.invitedBy.name).toBe(piotr?.name);
    await smtp.waitForMail("od.piotra@example.pl");
    const other = await agent.post("/api/groups/gwd-wielkopolska-pomorze/invitations").send(body);
    expect(other.status).toBe(404);
  });

  it("is limited per person: too many invitations in an hour answer 429 in Polish", async () => {
    const admin = await signedInAgent(server.url, DEMO.admin);
    // 60 an hour lets a moderator invite a whole group (~30 people) in one sitting.
    for (let index = 0; index < 60; index += 1) {
      const response = await admin
        .post("/api/groups/gwd-lubelskie-dolnoslaskie/invitations")
        .send({ email: `seria${index}@example.pl` });
      expect(response.status).toBe(201);
    }
    const blocked = await admin
      .post("/api/groups/gwd-lubelskie-dolnoslaskie/invitations")
      .send({ email: "seria-za-duzo@example.pl" });
    expect(blocked.status).toBe(429);
    expect(blocked.body.error.message).toMatch(/^Zbyt wiele prób\. Spróbuj ponownie za \d+ min\.$/);
  });
});
