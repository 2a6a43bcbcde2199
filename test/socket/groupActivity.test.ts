import { randomUUID } from "node:crypto";
import type { ThreadActivity } from "@forum/shared";
import { Thread } from "../../server/src/models/Thread.js";
import { DEMO, signedInAgent } from "../support/http.js";
import { connectAs, firstThreadIn, joinThread, type ForumClient } from "../support/sockets.js";
import { startTestServer, type TestServer } from "../support/testServer.js";

let server: TestServer;
const threads = { malopolska: "", wielkopolska: "", network: "" };
const sockets: ForumClient[] = [];

/** A connected socket that records every thread.activity it receives. */
async function listener(email: string | null): Promise<ThreadActivity[]> {
  const socket = await connectAs(server.url, email);
  sockets.push(socket);
  const received: ThreadActivity[] = [];
  socket.on("thread.activity", (activity) => received.push(activity));
  return received;
}

async function post(email: string, threadId: string): Promise<{ id: string; number: number }> {
  const agent = await signedInAgent(server.url, email);
  const response = await agent
    .post(`/api/threads/${threadId}/posts`)
    .send({ body: "Coś nowego.", clientId: randomUUID() });
  expect(response.status).toBe(201);
  return response.body.post;
}

/** Waits until `received` holds an activity of the thread, or fails after a few seconds. */
async function arrival(received: ThreadActivity[], threadId: string): Promise<ThreadActivity> {
  for (let waited = 0; waited < 5_000; waited += 50) {
    const found = received.find((activity) => activity.threadId === threadId);
    if (found) return found;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`no thread.activity for ${threadId}`);
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 700));

beforeAll(async () => {
  server = await startTestServer({ seed: true, label: "activity" });
  threads.malopolska = await firstThreadIn(await signedInAgent(server.url, DEMO.memberA), "gwd-malopolska", "dyskusje");
  threads.wielkopolska = await firstThreadIn(
    await signedInAgent(server.url, DEMO.memberB),
    "gwd-wielkopolska-pomorze",
    "dyskusje",
  );
  threads.network = String((await Thread.findOne({ groupId: null }).lean())?._id);
}, 120_000);

afterAll(async () => {
  for (const socket of sockets) socket.disconnect();
  await server?.stop();
});

describe("group rooms: thread.activity", () => {
  it("tells the group's members where a post landed, and nobody from another group", async () => {
    const anna = await listener(DEMO.memberA);
    const marek = await listener(DEMO.memberB);
    const visitor = await listener(null);
    const created = await post("piotr.mazur@demo.forum-jst.pl", threads.malopolska);

    const activity = await arrival(anna, threads.malopolska);
    const stored = await Thread.findById(threads.malopolska).lean();
    expect(activity).toEqual({
      threadId: threads.malopolska,
      title: stored?.title,
      categoryId: stored?.categoryId.toString(),
      groupId: stored?.groupId?.toString(),
      lastPostNumber: created.number,
      lastPostAt: stored?.lastPostAt.toISOString(),
      authorId: expect.any(String),
    });
    await settle();
    expect(marek).toEqual([]);
    expect(visitor).toEqual([]);
  });

  it("works the other way round too", async () => {
    const anna = await listener(DEMO.memberA);
    const marek = await listener(DEMO.memberB);
    await post(DEMO.memberB, threads.wielkopolska);
    await arrival(marek, threads.wielkopolska);
    await settle();
    expect(anna).toEqual([]);
  });

  it("sends network-wide activity to every signed-in person, and not to visitors", async () => {
    const anna = await listener(DEMO.memberA);
    const marek = await listener(DEMO.memberB);
    const visitor = await listener(null);
    await post(DEMO.memberA, threads.network);
    expect((await arrival(anna, threads.network)).groupId).toBeNull();
    await arrival(marek, threads.network);
    await settle();
    expect(visitor).toEqual([]);
  });

  it("lets someone added to a group follow it at once, without reconnecting", async () => {
    // Magdalena's connection opens while she is in gwd-malopolska only.
    const magdalena = await connectAs(server.url, "magdalena.wojcik@demo.forum-jst.pl");
    sockets.push(magdalena);
    const received: ThreadActivity[] = [];
    magdalena.on("thread.activity", (activity) => received.push(activity));
    expect((await joinThread(magdalena, threads.wielkopolska)).ok).toBe(false);

    const moderator = await signedInAgent(server.url, DEMO.moderator);
    const added = await moderator
      .post("/api/groups/gwd-wielkopolska-pomorze/invitations")
      .send({ email: "magdalena.wojcik@demo.forum-jst.pl", role: "member" });
    expect(added.status).toBe(200);
    expect(added.body.addedMember.name).toBe("Magdalena Wójcik");
    await settle();

    await post(DEMO.memberB, threads.wielkopolska);
    await arrival(received, threads.wielkopolska);
    expect((await joinThread(magdalena, threads.wielkopolska)).ok).toBe(true);
  });
});
