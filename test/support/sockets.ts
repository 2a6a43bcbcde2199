import { io as connect, type Socket } from "socket.io-client";
import type TestAgent from "supertest/lib/agent.js";
import type { ClientToServerEvents, GroupDetail, ServerToClientEvents, SocketAck } from "@forum/shared";
import { signInCookie } from "./http.js";

export type ForumClient = Socket<ServerToClientEvents, ClientToServerEvents>;

/** A connected socket carrying the session cookie of the given demo user (or none, for a visitor). */
export async function connectAs(baseUrl: string, email: string | null): Promise<ForumClient> {
  return connectWithCookie(baseUrl, email ? await signInCookie(baseUrl, email) : "");
}

/** A connected socket sending this Cookie header (none when empty: a visitor). */
export async function connectWithCookie(baseUrl: string, cookie: string): Promise<ForumClient> {
  const socket: ForumClient = connect(baseUrl, {
    transports: ["websocket"],
    extraHeaders: cookie ? { Cookie: cookie } : {},
    forceNew: true,
  });
  await new Promise<void>((resolve, reject) => {
    socket.once("connect", () => resolve());
    socket.once("connect_error", reject);
  });
  return socket;
}

export const joinThread = (socket: ForumClient, threadId: string): Promise<SocketAck> =>
  new Promise((resolve) => socket.emit("thread.join", { threadId }, resolve));

/** The newest thread of a group's category, asked through a signed-in agent. */
export async function firstThreadIn(agent: TestAgent, groupSlug: string, categorySlug: string): Promise<string> {
  const detail = (await agent.get(`/api/groups/${groupSlug}`)).body as GroupDetail;
  const category = detail.categories.find((candidate) => candidate.slug === categorySlug);
  const threads = (await agent.get(`/api/categories/${category?.id}/threads`)).body as { threads: { id: string }[] };
  const id = threads.threads[0]?.id;
  if (!id) throw new Error(`no thread in ${groupSlug}/${categorySlug}`);
  return id;
}
