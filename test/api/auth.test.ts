import request from "supertest";
import { csrfAgent, DEMO, DEMO_PASSWORD, signedInAgent, signIn } from "../support/http.js";
import { startTestServer, type TestServer } from "../support/testServer.js";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ seed: true, label: "auth" });
}, 120_000);
afterAll(() => server?.stop());

const sessionId = (response: request.Response) =>
  /forum\.sid=([^;]+)/.exec(String(response.headers["set-cookie"]))?.[1];

describe("sign in", () => {
  it("signs a demo member in, sets an HttpOnly SameSite=Lax cookie and reports the user and abilities", async () => {
    const agent = await csrfAgent(server.url);
    const response = await signIn(agent, DEMO.memberA);
    expect(response.status).toBe(200);
    expect(response.body.user).toMatchObject({
      email: DEMO.memberA,
      name: "Anna Kowalska",
      role: "member",
      jst: { teryt: "1219053", name: "Wieliczka", type: "gmina_miejsko_wiejska" },
    });
    expect(response.body.user.passwordHash).toBeUndefined();
    const cookie = String(response.headers["set-cookie"]);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);

    const me = await agent.get("/api/auth/me");
    expect(me.body.user.email).toBe(DEMO.memberA);
    expect(me.body.abilities).toEqual({
      manageUsers: false,
      changeRoles: false,
      inviteTo: [],
      manageCategories: false,
      silence: null,
    });
  });

  it("gives moderators and admins the abilities their policies allow", async () => {
    const moderator = await signedInAgent(server.url, DEMO.moderator);
    const abilities = (await moderator.get("/api/auth/me")).body.abilities;
    expect(abilities.manageUsers).toBe(true);
    expect(abilities.changeRoles).toBe(false);
    expect(abilities.manageCategories).toBe(true);
    expect([...abilities.inviteTo].sort()).toEqual([
      "gwd-lubelskie-dolnoslaskie",
      "gwd-malopolska",
      "gwd-wielkopolska-pomorze",
    ]);
    const admin = await signedInAgent(server.url, DEMO.admin);
    expect((await admin.get("/api/auth/me")).body.abilities.changeRoles).toBe(true);
  });

  it("sends the later abilities only to whom the policies grant them", async () => {
    const moderator = (await (await signedInAgent(server.url, DEMO.moderator)).get("/api/auth/me")).body.abilities;
    expect(moderator.restructureThreads).toBe(true);
    expect(moderator.editSitePages).toBeUndefined();
    expect(moderator.handleDataRequests).toBeUndefined();
    const admin = (await (await signedInAgent(server.url, DEMO.admin)).get("/api/auth/me")).body.abilities;
    expect(admin).toMatchObject({ restructureThreads: true, editSitePages: true, handleDataRequests: true });
  });

  it("issues a new session id at sign-in (no session fixation)", async () => {
    const agent = request.agent(server.url);
    const csrf = await agent.get("/api/auth/csrf");
    agent.set("x-csrf-token", csrf.body.token as string);
    const before = sessionId(csrf);
    const login = await signIn(agent, DEMO.memberA);
    expect(login.status).toBe(200);
    expect(before).toBeDefined();
    expect(sessionId(login)).not.toBe(before);
  });

  it("answers a wrong password and an unknown e-mail the same way", async () => {
    const agent = await csrfAgent(server.url);
    const wrongPassword = await signIn(agent, DEMO.memberB, "zle-haslo-123456");
    const unknownEmail = await signIn(agent, "nikt@example.pl", "zle-haslo-123456");
    expect(wrongPassword.status).toBe(401);
    expect(unknownEmail.status).toBe(401);
    expect(wrongPassword.body).toEqual(unknownEmail.body);
    expect(wrongPassword.body.error.message).toBe("Nieprawidłowy e-mail lub hasło.");
  });

  it("takes about as long for an unknown e-mail as for a wrong password", async () => {
    const agent = await csrfAgent(server.url);
    const time = async (email: string) => {
      const started = performance.now();
      await signIn(agent, email, "zle-haslo-123456");
      return performance.now() - started;
    };
    const samples = { known: [] as number[], unknown: [] as number[] };
    // One attempt per account, so the slowdown for repeated failures stays out of the measure.
    const knownEmails = [
      "piotr.mazur",
      "magdalena.wojcik",
      "barbara.lis",
      "pawel.zajac",
      "monika.wozniak",
      "robert.pawlak",
    ];
    for (let round = 0; round < 6; round += 1) {
      const local = knownEmails[round] ?? "";
      samples.known.push(await time(`${local}@demo.forum-jst.pl`));
      samples.unknown.push(await time(`nikt-${round}@example.pl`));
    }
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
    const known = median(samples.known);
    const unknown = median(samples.unknown);
    // Both pay for an argon2id verification; without the dummy hash an unknown e-mail answers ~10× faster.
    expect(unknown).toBeGreaterThan(known * 0.5);
    expect(unknown).toBeLessThan(known * 2);
  });

  it("rejects a malformed e-mail with a field error in Polish", async () => {
    const agent = await csrfAgent(server.url);
    const response = await agent.post("/api/auth/login").send({ email: "to-nie-email", password: "x" });
    expect(response.status).toBe(400);
    expect(response.body.error.fields.email).toBe("Podaj poprawny adres e-mail.");
  });

  it("does not let a query operator through as an e-mail", async () => {
    const agent = await csrfAgent(server.url);
    const response = await agent.post("/api/auth/login").send({ email: { $ne: "" }, password: DEMO_PASSWORD });
    expect(response.status).toBe(400);
  });

  it("signs out and forgets the session", async () => {
    const agent = await signedInAgent(server.url, DEMO.memberA);
    expect((await agent.post("/api/auth/logout")).status).toBe(204);
    expect((await agent.get("/api/auth/me")).body).toEqual({ user: null, abilities: null });
    expect((await agent.get("/api/groups")).status).toBe(401);
  });
});

describe("CSRF and Origin", () => {
  it("refuses a state change without the CSRF token", async () => {
    const response = await request(server.url)
      .post("/api/auth/login")
      .send({ email: DEMO.memberA, password: DEMO_PASSWORD });
    expect(response.status).toBe(403);
    expect(response.body.error).toEqual({
      code: "csrf_invalid",
      message: "Sesja formularza wygasła. Odśwież stronę i spróbuj ponownie.",
    });
  });

  it("refuses a token from another session", async () => {
    const mine = await csrfAgent(server.url);
    const other = await csrfAgent(server.url);
    const otherToken = (await other.get("/api/auth/csrf")).body.token as string;
    mine.set("x-csrf-token", otherToken);
    expect((await mine.post("/api/auth/login").send({ email: DEMO.memberA, password: DEMO_PASSWORD })).status).toBe(
      403,
    );
  });

  it("refuses a request from another site even with a token", async () => {
    const agent = await signedInAgent(server.url, DEMO.memberA);
    const response = await agent.post("/api/auth/logout").set("Origin", "https://zla-strona.example");
    expect(response.status).toBe(403);
    expect(response.body.error.code).toBe("cross_origin");
    expect((await agent.get("/api/auth/me")).body.user.email).toBe(DEMO.memberA);
  });

  it("accepts the forum's own origin", async () => {
    const agent = await signedInAgent(server.url, DEMO.memberA);
    expect((await agent.post("/api/auth/logout").set("Origin", server.url)).status).toBe(204);
  });
});

describe("brute force on one account", () => {
  it("is slowed, then blocked after 10 failures with a Polish message, and the block is temporary", async () => {
    const attacker = await csrfAgent(server.url);
    const statuses: number[] = [];
    const durations: number[] = [];
    for (let attempt = 0; attempt < 12; attempt += 1) {
      const started = performance.now();
      statuses.push((await signIn(attacker, "jan.krawczyk@demo.forum-jst.pl", `zgadywanie-${attempt}-haslo`)).status);
      durations.push(performance.now() - started);
    }
    expect(statuses.slice(0, 10).every((status) => status === 401)).toBe(true);
    // Slowed before blocked: the tenth wrong password waits seconds, the first does not.
    expect(durations[9]).toBeGreaterThan(durations[0]! + 2_500);
    expect(statuses.slice(10)).toEqual([429, 429]);
    const blocked = await signIn(attacker, "jan.krawczyk@demo.forum-jst.pl", `zgadywanie-x-haslo`);
    expect(blocked.body.error.code).toBe("too_many_attempts");
    expect(blocked.body.error.message).toMatch(/^Zbyt wiele prób\. Spróbuj ponownie za \d+ min\.$/);
    // Even the right password waits out the pause: the block is per account, with an end.
    const owner = await csrfAgent(server.url);
    const ownerTry = await signIn(owner, "jan.krawczyk@demo.forum-jst.pl");
    expect(ownerTry.status).toBe(429);
    expect(Number(/za (\d+) min/.exec(ownerTry.body.error.message)?.[1])).toBeLessThanOrEqual(15);
  });

  it("does not touch other accounts", async () => {
    const agent = await csrfAgent(server.url);
    expect((await signIn(agent, DEMO.memberB)).status).toBe(200);
  });
});
