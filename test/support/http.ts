import request from "supertest";
import type TestAgent from "supertest/lib/agent.js";

export const DEMO_PASSWORD = "Demo-Haslo-2026!";

/** Demo accounts by the part they play in access tests. */
export const DEMO = {
  admin: "admin@demo.forum-jst.pl",
  /** Moderator (ZMP), facilitator of gwd-malopolska and gwd-lubelskie-dolnoslaskie. */
  moderator: "katarzyna.nowak@demo.forum-jst.pl",
  /** Expert: reads all groups, member of gwd-wielkopolska-pomorze. */
  expert: "ewa.zielinska@demo.forum-jst.pl",
  /** Member of gwd-malopolska. */
  memberA: "anna.kowalska@demo.forum-jst.pl",
  /** Member of gwd-wielkopolska-pomorze. */
  memberB: "marek.kaminski@demo.forum-jst.pl",
} as const;

/** Asks the server for the session's CSRF token and sends it with every later request of the agent. */
export async function refreshCsrfToken(agent: TestAgent): Promise<string> {
  const response = await agent.get("/api/auth/csrf");
  const token = (response.body as { token?: string }).token;
  if (!token) throw new Error(`no CSRF token: ${response.status}`);
  agent.set("x-csrf-token", token);
  return token;
}

/** A cookie-keeping agent that behaves like the SPA: it sends the CSRF token with every request. */
export async function csrfAgent(baseUrl: string): Promise<TestAgent> {
  const agent = request.agent(baseUrl);
  await refreshCsrfToken(agent);
  return agent;
}

/** Signs an agent in; the session is regenerated at sign-in, so the CSRF token is fetched again. */
export async function signIn(agent: TestAgent, email: string, password = DEMO_PASSWORD): Promise<request.Response> {
  const response = await agent.post("/api/auth/login").send({ email, password });
  if (response.status === 200) await refreshCsrfToken(agent);
  return response;
}

/** A supertest agent that keeps cookies, signed in as the given demo user. */
export async function signedInAgent(baseUrl: string, email: string, password = DEMO_PASSWORD): Promise<TestAgent> {
  const agent = await csrfAgent(baseUrl);
  const response = await signIn(agent, email, password);
  if (response.status !== 200) {
    throw new Error(`login as ${email} failed: ${response.status} ${JSON.stringify(response.body)}`);
  }
  return agent;
}

/** Signs in with plain fetch and returns the Cookie header value, for clients that are not supertest (sockets). */
export async function signInCookie(baseUrl: string, email: string): Promise<string> {
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  const cookie = csrf.headers
    .getSetCookie()
    .map((value) => value.split(";")[0])
    .join("; ");
  const { token } = (await csrf.json()) as { token: string };
  const response = await fetch(`${baseUrl}/api/auth/login`, {
    method: "POST",
    headers: { "Content-Type": "application/json", "x-csrf-token": token, Cookie: cookie },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  });
  if (response.status !== 200) throw new Error(`login as ${email} failed: ${response.status}`);
  return response.headers
    .getSetCookie()
    .map((value) => value.split(";")[0])
    .join("; ");
}
