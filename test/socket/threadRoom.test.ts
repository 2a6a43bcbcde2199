import { randomUUID } from "node:crypto";
import type { PostView } from "@forum/shared";
import { DEMO, signedInAgent } from "../support/http.js";
import { connectAs, firstThreadIn, joinThread, type ForumClient } from "../support/sockets.js";
import { startTestServer, type TestServer } from "../support/testServer.js";

let server: TestServer;
let threadA = "";
const sockets: ForumClient[] = [];

async function socketFor(email: string | null): Promise<ForumClient> {
  const socket = await connectAs(server.url, email);
  sockets.push(socket);
  return socket;
}

const join = joinThread;

beforeAll(async () => {
  server = await startTestServer({ seed: true, label: "socket" });
  const agent = await signedInAgent(server.url, DEMO.memberA);
  threadA = await firstThreadIn(agent, "gwd-malopolska", "dyskusje");
}, 120_000);

afterAll(async () => {
  for (const socket of sockets) socket.disconnect();
  await server?.stop();
});

describe("thread rooms", () => {
  it("lets a member of the group join and pushes a new post live", async () => {
    const socket = await socketFor(DEMO.memberA);
    expect(await join(socket, threadA)).toEqual({ ok: true });
    const received = new Promise<{ threadId: string; post: PostView }>((resolve) =>
      socket.once("post.created", resolve),
    );
    const writer = await signedInAgent(server.url, DEMO.moderator);
    const response = await writer
      .post(`/api/threads/${threadA}/posts`)
      .send({ body: "Na żywo!", clientId: randomUUID() });
    expect(response.status).toBe(201);
    const event = await received;
    expect(event.threadId).toBe(threadA);
    expect(event.post.id).toBe(response.body.post.id);
    expect(event.post.html).toContain("Na żywo!");
  });

  it.each([
    ["a member of another group", DEMO.memberB],
    ["a visitor", null],
  ])("refuses %s and sends them nothing", async (_who, email) => {
    const socket = await socketFor(email);
    expect(await join(socket, threadA)).toEqual({ ok: false, error: "Nie znaleziono wątku." });
    let leaked = false;
    socket.on("post.created", () => (leaked = true));
    const writer = await signedInAgent(server.url, DEMO.memberA);
    await writer.post(`/api/threads/${threadA}/posts`).send({ body: "Tylko dla grupy A", clientId: randomUUID() });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(leaked).toBe(false);
  });

  it("answers a malformed join with an error, not a crash", async () => {
    const socket = await socketFor(DEMO.memberA);
    expect(await join(socket, "nie-id")).toEqual({ ok: false, error: "Nieprawidłowy wątek." });
    expect(socket.connected).toBe(true);
  });
});
