import mongoose from "mongoose";
import { io as connect } from "socket.io-client";
import { Event } from "../../server/src/models/Event.js";
import { User } from "../../server/src/models/User.js";
import { csrfAgent, DEMO, signedInAgent, signIn, signInCookie } from "../support/http.js";
import { startTestServer, type TestServer } from "../support/testServer.js";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ seed: true, label: "adminusers" });
}, 120_000);
afterAll(() => server?.stop());

const idOf = async (email: string) => String((await User.findOne({ email }).lean())?._id);

describe("user list", () => {
  it("lets a moderator filter by text, role, status and group, with pages", async () => {
    const moderator = await signedInAgent(server.url, DEMO.moderator);
    const byText = (await moderator.get("/api/admin/users").query({ q: "kowal" })).body.users;
    expect(byText.map((user: { email: string }) => user.email)).toEqual([DEMO.memberA]);
    expect(byText[0]).toMatchObject({
      jst: { name: "Wieliczka" },
      groups: [{ slug: "gwd-malopolska", role: "member" }],
    });
    expect(byText[0].passwordHash).toBeUndefined();
    const experts = (await moderator.get("/api/admin/users").query({ role: "expert" })).body.users;
    expect(experts.map((user: { email: string }) => user.email)).toEqual([DEMO.expert]);
    const group = await moderator.get("/api/admin/users").query({ group: "gwd-wielkopolska-pomorze" });
    expect(group.body).toEqual({ users: expect.any(Array), nextCursor: null, total: 7 });
    expect(group.body.users).toHaveLength(7);
    const all = (await moderator.get("/api/admin/users")).body;
    expect(all.users).toHaveLength(19);
    expect(all).toMatchObject({ nextCursor: null, total: 19 });
  });

  it("pages a compact list: `limit` rows, a cursor to the next page, and the total on every page", async () => {
    const moderator = await signedInAgent(server.url, DEMO.moderator);
    const first = (await moderator.get("/api/admin/users").query({ limit: 8 })).body;
    expect(first.users).toHaveLength(8);
    expect(first.total).toBe(19);
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = (await moderator.get("/api/admin/users").query({ limit: 8, cursor: first.nextCursor })).body;
    const third = (await moderator.get("/api/admin/users").query({ limit: 8, cursor: second.nextCursor })).body;
    expect([second.users.length, third.users.length]).toEqual([8, 3]);
    expect([second.total, third.total]).toEqual([19, 19]);
    expect(third.nextCursor).toBeNull();
    const ids = [...first.users, ...second.users, ...third.users].map((user: { id: string }) => user.id);
    expect(new Set(ids).size).toBe(19);
    // Filters narrow the total too; a page over 100 rows is refused.
    const experts = (await moderator.get("/api/admin/users").query({ role: "expert", limit: 8 })).body;
    expect(experts.total).toBe(1);
    expect((await moderator.get("/api/admin/users").query({ limit: 500 })).status).toBe(400);
  });

  it("treats regex characters in the search as plain text", async () => {
    const moderator = await signedInAgent(server.url, DEMO.moderator);
    const response = await moderator.get("/api/admin/users").query({ q: ".*" });
    expect(response.status).toBe(200);
    expect(response.body.users).toEqual([]);
  });

  it.each([
    ["a member", DEMO.memberA, 404],
    ["an expert", DEMO.expert, 404],
  ])("is not for %s", async (_who, email, status) => {
    const agent = await signedInAgent(server.url, email);
    expect((await agent.get("/api/admin/users")).status).toBe(status);
  });

  it("asks a visitor to sign in", async () => {
    expect((await (await csrfAgent(server.url)).get("/api/admin/users")).status).toBe(401);
  });
});

describe("roles", () => {
  it("are changed by an admin only, and recorded with before and after", async () => {
    const target = await idOf("joanna.lewandowska@demo.forum-jst.pl");
    const moderator = await signedInAgent(server.url, DEMO.moderator);
    expect((await moderator.patch(`/api/admin/users/${target}/role`).send({ role: "expert" })).status).toBe(403);
    const admin = await signedInAgent(server.url, DEMO.admin);
    const changed = await admin.patch(`/api/admin/users/${target}/role`).send({ role: "expert" });
    expect(changed.status).toBe(200);
    expect(changed.body.user.role).toBe("expert");
    const event = await Event.findOne({ name: "users.changeRole" }).lean();
    expect(event?.data).toEqual({ before: { role: "member" }, after: { role: "expert" } });
    expect((await admin.patch(`/api/admin/users/${target}/role`).send({ role: "król" })).status).toBe(400);
  });

  it("cannot be changed on one's own account", async () => {
    const admin = await signedInAgent(server.url, DEMO.admin);
    expect((await admin.patch(`/api/admin/users/${await idOf(DEMO.admin)}/role`).send({ role: "member" })).status).toBe(
      403,
    );
  });
});

describe("suspension", () => {
  it("shuts the person out (sign-in with the reason, requests, open sockets) until lifted", async () => {
    const email = "krzysztof.szymanski@demo.forum-jst.pl";
    const target = await idOf(email);
    const member = await signedInAgent(server.url, email);
    const socket = connect(server.url, {
      transports: ["websocket"],
      extraHeaders: { Cookie: await signInCookie(server.url, email) },
    });
    await new Promise<void>((resolve, reject) => {
      socket.once("connect", () => resolve());
      socket.once("connect_error", reject);
    });
    const disconnected = new Promise<string>((resolve) => socket.once("disconnect", (reason) => resolve(reason)));

    const moderator = await signedInAgent(server.url, DEMO.moderator);
    const until = new Date(Date.now() + 7 * 86_400_000).toISOString();
    const suspended = await moderator
      .post(`/api/admin/users/${target}/suspend`)
      .send({ reason: "Naruszenie regulaminu", until });
    expect(suspended.status).toBe(200);
    expect(suspended.body.user).toMatchObject({
      status: "suspended",
      suspension: { reason: "Naruszenie regulaminu", until },
    });

    expect(await disconnected).toBe("io server disconnect");
    expect((await member.get("/api/groups")).status).toBe(401);
    const attempt = await signIn(await csrfAgent(server.url), email);
    expect(attempt.status).toBe(403);
    expect(attempt.body.error.code).toBe("account_suspended");
    expect(attempt.body.error.message).toContain("Powód: Naruszenie regulaminu.");
    expect(attempt.body.error.message).toMatch(/Zawieszenie trwa do \d+ \S+ 20\d\d/);

    expect((await moderator.post(`/api/admin/users/${target}/unsuspend`)).status).toBe(200);
    expect((await signIn(await csrfAgent(server.url), email)).status).toBe(200);
    const events = await Event.find({
      subjectType: "User",
      name: mongoose.trusted({ $in: ["users.suspend", "users.unsuspend"] }),
    }).lean();
    expect(events.map((event) => event.name)).toEqual(["users.suspend", "users.unsuspend"]);
  });

  it("ends by itself when its date passes", async () => {
    const email = "natalia.michalska@demo.forum-jst.pl";
    await User.updateOne(
      { email },
      { $set: { status: "suspended", suspension: { reason: "Test", until: new Date(Date.now() - 1000) } } },
    );
    expect((await signIn(await csrfAgent(server.url), email)).status).toBe(200);
    expect((await User.findOne({ email }).lean())?.status).toBe("active");
  });

  it("refuses bad input and protects admins from moderators", async () => {
    const moderator = await signedInAgent(server.url, DEMO.moderator);
    const target = await idOf("robert.pawlak@demo.forum-jst.pl");
    const past = await moderator
      .post(`/api/admin/users/${target}/suspend`)
      .send({ reason: "Powód", until: "2020-01-01T00:00:00Z" });
    expect(past.status).toBe(400);
    expect(past.body.error.message).toBe("Data końca zawieszenia musi być w przyszłości.");
    expect((await moderator.post(`/api/admin/users/${target}/suspend`).send({ reason: "", until: null })).status).toBe(
      400,
    );
    expect(
      (
        await moderator
          .post(`/api/admin/users/${await idOf(DEMO.admin)}/suspend`)
          .send({ reason: "Powód", until: null })
      ).status,
    ).toBe(403);
    expect(
      (
        await moderator
          .post(`/api/admin/users/${await idOf(DEMO.moderator)}/suspend`)
          .send({ reason: "Powód", until: null })
      ).status,
    ).toBe(403);
    expect((await User.findById(target).lean())?.status).toBe("active");
  });

  it("is not for members", async () => {
    const member = await signedInAgent(server.url, DEMO.memberA);
    const target = await idOf(DEMO.memberB);
    expect(
      (await member.post(`/api/admin/users/${target}/suspend`).send({ reason: "Powód", until: null })).status,
    ).toBe(404);
    expect((await User.findById(target).lean())?.status).toBe("active");
  });
});
