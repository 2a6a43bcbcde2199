import request from "supertest";
import { DEMO, DEMO_PASSWORD, signedInAgent } from "../support/http.js";
import { startTestServer, type TestServer } from "../support/testServer.js";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ seed: true, label: "auth" });
}, 120_000);
afterAll(() => server?.stop());

describe("sign in", () => {
  it("signs a demo member in, sets an HttpOnly SameSite=Lax cookie and reports the user", async () => {
    const agent = request.agent(server.url);
    const response = await agent.post("/api/auth/login").send({ email: DEMO.memberA, password: DEMO_PASSWORD });
    expect(response.status).toBe(200);
    expect(response.body.user).toMatchObject({
      email: DEMO.memberA,
      name: "Anna Kowalska",
      role: "member",
      jst: { teryt: "1219053", name: "Wieliczka", type: "gmina_miejsko_wiejska" },
    });
    expect(response.body.user.passwordHash).toBeUndefined();
    const cookie = String(response.headers["set-cookie"]);
    expect(cookie).toMatch(/forum\.sid=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);

    const me = await agent.get("/api/auth/me");
    expect(me.body.user.email).toBe(DEMO.memberA);
  });

  it("issues a new session id at sign-in (no session fixation)", async () => {
    const agent = request.agent(server.url);
    const first = await agent.post("/api/auth/login").send({ email: DEMO.memberA, password: DEMO_PASSWORD });
    const second = await agent.post("/api/auth/login").send({ email: DEMO.memberA, password: DEMO_PASSWORD });
    const sid = (response: request.Response) => /forum\.sid=([^;]+)/.exec(String(response.headers["set-cookie"]))?.[1];
    expect(sid(first)).toBeDefined();
    expect(sid(second)).toBeDefined();
    expect(sid(first)).not.toBe(sid(second));
  });

  it("answers a wrong password and an unknown e-mail the same way", async () => {
    const wrongPassword = await request(server.url)
      .post("/api/auth/login")
      .send({ email: DEMO.memberA, password: "zle-haslo-123456" });
    const unknownEmail = await request(server.url)
      .post("/api/auth/login")
      .send({ email: "nikt@example.pl", password: "zle-haslo-123456" });
    expect(wrongPassword.status).toBe(401);
    expect(unknownEmail.status).toBe(401);
    expect(wrongPassword.body).toEqual(unknownEmail.body);
    expect(wrongPassword.body.error.message).toBe("Nieprawidłowy e-mail lub hasło.");
  });

  it("rejects a malformed e-mail with a field error in Polish", async () => {
    const response = await request(server.url).post("/api/auth/login").send({ email: "to-nie-email", password: "x" });
    expect(response.status).toBe(400);
    expect(response.body.error.fields.email).toBe("Podaj poprawny adres e-mail.");
  });

  it("does not let a query operator through as an e-mail", async () => {
    const response = await request(server.url)
      .post("/api/auth/login")
      .send({ email: { $ne: "" }, password: DEMO_PASSWORD });
    expect(response.status).toBe(400);
  });

  it("signs out and forgets the session", async () => {
    const agent = await signedInAgent(server.url, DEMO.memberA);
    expect((await agent.post("/api/auth/logout")).status).toBe(204);
    expect((await agent.get("/api/auth/me")).body).toEqual({ user: null });
    expect((await agent.get("/api/groups")).status).toBe(401);
  });
});
