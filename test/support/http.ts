import request from "supertest";
import type TestAgent from "supertest/lib/agent.js";

export const DEMO_PASSWORD = "Demo-Haslo-2026!";

/** Demo accounts by the part they play in access tests. */
export const DEMO = {
  admin: "admin@demo.forum-jst.pl",
  moderator: "katarzyna.nowak@demo.forum-jst.pl",
  expert: "ewa.zielinska@demo.forum-jst.pl",
  /** Member of gwd-malopolska. */
  memberA: "anna.kowalska@demo.forum-jst.pl",
  /** Member of gwd-wielkopolska-pomorze. */
  memberB: "marek.kaminski@demo.forum-jst.pl",
} as const;

/** A supertest agent that keeps cookies, signed in as the given demo user. */
export async function signedInAgent(baseUrl: string, email: string): Promise<TestAgent> {
  const agent = request.agent(baseUrl);
  const response = await agent.post("/api/auth/login").send({ email, password: DEMO_PASSWORD });
  if (response.status !== 200)
    throw new Error(`login as ${email} failed: ${response.status} ${JSON.stringify(response.body)}`);
  return agent;
}

/** Signs in with plain fetch and returns the Cookie header value, for clients that are not supertest (sockets). */
export async function signInCookie(baseUrl: string, email: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/auth/login`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  });
  if (response.status !== 200) throw new Error(`login as ${email} failed: ${response.status}`);
  return response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(";")[0])
    .join("; ");
}
