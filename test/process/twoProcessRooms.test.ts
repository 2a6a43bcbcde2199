import { randomBytes, randomUUID } from "node:crypto";
import type { ChildProcess } from "node:child_process";
import mongoose from "mongoose";
import request from "supertest";
import type { HealthReport, PostView, ReadinessReport } from "@forum/shared";
import { connectDatabase, disconnectDatabase } from "../../server/src/db/connectDatabase.js";
import { csrfAgent, DEMO, signedInAgent } from "../support/http.js";
import { startRedisServer, type TestRedis } from "../support/redisServer.js";
import { connectAs, firstThreadIn, joinThread, type ForumClient } from "../support/sockets.js";
import { testClientOptions, testDatabaseName, testMongoUri } from "../support/testDatabase.js";
import { spawnForum } from "../support/testServer.js";
import { joinRoom, nextPush, openRoom, plannedMeetingOf, sendChat } from "../support/rooms.js";
import { User } from "../../server/src/models/User.js";

const PIOTR = "piotr.mazur@demo.forum-jst.pl";
const userIdOf = async (email: string) => String((await User.findOne({ email }).lean())?._id);

/** Two server processes on one database and one Redis, as behind a load balancer. */
interface Forum {
  url: string;
  child: ChildProcess;
  exited: Promise<number | null>;
  output(): string;
}

const dbName = testDatabaseName("two_processes");
let redis: TestRedis;
let processA: Forum;
let processB: Forum;
const sockets: ForumClient[] = [];

async function socketOn(forum: Forum, email: string): Promise<ForumClient> {
  const socket = await connectAs(forum.url, email);
  sockets.push(socket);
  return socket;
}

const nextEvent = <T>(socket: ForumClient, name: string, timeoutMs = 5_000): Promise<T> =>
  new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${name} within ${timeoutMs} ms`)), timeoutMs);
    (socket as unknown as { once(event: string, listener: (payload: T) => void): void }).once(name, (payload) => {
      clearTimeout(timer);
      resolve(payload);
    });
  });

beforeAll(async () => {
  redis = await startRedisServer();
  // One signing key for both: a session cookie from one process is valid on the other.
  const env = { REDIS_URL: redis.url, SESSION_SECRET: randomBytes(32).toString("hex") };
  // The first seeds the database; the second starts on it as a second instance would.
  processA = await spawnForum({ dbName, seed: true, env });
  processB = await spawnForum({ dbName, seed: false, env });
  await connectDatabase(testMongoUri(), { dbName, ...testClientOptions() });
}, 180_000);

afterAll(async () => {
  for (const socket of sockets) socket.disconnect();
  for (const forum of [processA, processB]) {
    if (forum?.child.exitCode === null) {
      forum.child.kill("SIGTERM");
      await forum.exited;
    }
  }
  await redis?.stop();
  await mongoose.connection.db?.dropDatabase().catch(() => undefined);
  await disconnectDatabase();
}, 60_000);

describe("two server processes sharing rooms through Redis", () => {
  it("refuses to start with a REDIS_URL nobody answers at, naming the variable", async () => {
    // A port just freed by a redis-server of our own: nothing listens there any more.
    const gone = await startRedisServer();
    await gone.stop();
    await expect(spawnForum({ dbName, seed: false, env: { REDIS_URL: gone.url } })).rejects.toThrow(
      /exited with 1[\s\S]*Nie można połączyć się z Redisem[\s\S]*REDIS_URL/,
    );
  }, 60_000);

  it("reports Redis in the health check of each process", async () => {
    for (const forum of [processA, processB]) {
      const response = await request(forum.url).get("/api/health");
      expect(response.status).toBe(200);
      expect(response.body as HealthReport).toMatchObject({ status: "ok", redis: { status: "up" } });
      const ready = await request(forum.url).get("/api/ready");
      expect(ready.status).toBe(200);
      expect(ready.body as ReadinessReport).toEqual({ ready: true, database: "up", redis: "up" });
    }
  });

  it("pushes a post written through process A to a thread-room socket on process B", async () => {
    const writer = await signedInAgent(processA.url, DEMO.moderator);
    const threadId = await firstThreadIn(writer, "gwd-malopolska", "dyskusje");
    const reader = await socketOn(processB, DEMO.memberA);
    expect(await joinThread(reader, threadId)).toEqual({ ok: true });

    const received = nextEvent<{ threadId: string; post: PostView }>(reader, "post.created");
    const response = await writer
      .post(`/api/threads/${threadId}/posts`)
      .send({ body: "Z procesu A do procesu B", clientId: randomUUID() });
    expect(response.status).toBe(201);
    const event = await received;
    expect(event.threadId).toBe(threadId);
    expect(event.post.id).toBe(response.body.post.id);
  });

  it("lets a connection on process B follow a group it was added to through process A", async () => {
    const moderator = await signedInAgent(processA.url, DEMO.moderator);
    const threadId = await firstThreadIn(moderator, "gwd-malopolska", "dyskusje");
    const newcomer = await socketOn(processB, DEMO.memberB);
    expect(await joinThread(newcomer, threadId)).toEqual({ ok: false, error: "Nie znaleziono wątku." });

    const added = await moderator
      .post("/api/groups/gwd-malopolska/invitations")
      .send({ email: DEMO.memberB, role: "member" });
    expect(added.status).toBe(200);
    // B's process updates the connection's own actor: the join is allowed without reconnecting.
    let answer = await joinThread(newcomer, threadId);
    for (let tries = 0; !answer.ok && tries < 20; tries += 1) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      answer = await joinThread(newcomer, threadId);
    }
    expect(answer).toEqual({ ok: true });
  });

  it("counts sign-in attempts for one account across both processes", async () => {
    const email = "ktos.nieznany@demo.forum-jst.pl";
    const attempt = async (forum: Forum) =>
      (await csrfAgent(forum.url)).post("/api/auth/login").send({ email, password: "zle-haslo-123" });
    // Ten wrong passwords, five on each process (the limit per account is 10 in 15 minutes).
    const first = await Promise.all(Array.from({ length: 10 }, (_, index) => attempt(index % 2 ? processA : processB)));
    expect(first.map((response) => response.status)).not.toContain(429);
    const eleventh = await attempt(processA);
    expect(eleventh.status).toBe(429);
    expect(eleventh.body.error.code).toBe("too_many_attempts");
  }, 30_000);

  it("lets a participant on process A and one on process B chat in one live room, each seeing both present", async () => {
    const meetingId = await plannedMeetingOf("gwd-malopolska", 0);
    await openRoom(processA.url, meetingId);
    const anna = await socketOn(processA, DEMO.memberA);
    const piotr = await socketOn(processB, PIOTR);
    const [annaId, piotrId] = await Promise.all([userIdOf(DEMO.memberA), userIdOf(PIOTR)]);
    const bothPresent = (payload: { participants: Array<{ userId: string }> }) =>
      [annaId, piotrId].every((id) => payload.participants.some((participant) => participant.userId === id));
    // Each process pushes the list it gathers from both (fetchSockets across processes).
    const presenceSeenByAnna = nextPush(anna, "room.presence", bothPresent);
    const presenceSeenByPiotr = nextPush(piotr, "room.presence", bothPresent);
    expect((await joinRoom(anna, meetingId)).ok).toBe(true);
    const piotrJoined = await joinRoom(piotr, meetingId);
    expect(piotrJoined.ok).toBe(true);
    // The snapshot B gives already counts the participant connected to A.
    expect(piotrJoined.snapshot?.participants.map((participant) => participant.userId)).toEqual(
      expect.arrayContaining([annaId, piotrId]),
    );
    await Promise.all([presenceSeenByAnna, presenceSeenByPiotr]);

    const toPiotr = nextPush(piotr, "room.message", (message) => message.text === "Dzień dobry z procesu A");
    expect((await sendChat(anna, meetingId, "Dzień dobry z procesu A")).ok).toBe(true);
    expect((await toPiotr).author.id).toBe(annaId);

    const toAnna = nextPush(anna, "room.message", (message) => message.text === "Odpowiedź z procesu B");
    const piotrSent = await sendChat(piotr, meetingId, "Odpowiedź z procesu B");
    expect(piotrSent.ok).toBe(true);
    const received = await toAnna;
    expect(received.author.id).toBe(piotrId);
    // One order for the room whichever process stored the line.
    expect(received.seq).toBe(piotrSent.message?.seq ?? 0);
    expect(received.seq).toBeGreaterThan(0);
  });

  it("keeps serving when Redis goes away, reports it, and still shuts down cleanly", async () => {
    await redis.stop();
    let health = await request(processA.url).get("/api/health");
    for (let tries = 0; health.body?.redis?.status !== "down" && tries < 20; tries += 1) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      health = await request(processA.url).get("/api/health");
    }
    // HTTP and each process's own connections go on: a lost Redis is reported, not fatal.
    expect(health.status).toBe(200);
    expect(health.body as HealthReport).toMatchObject({ status: "ok", redis: { status: "down" } });
    // Not ready, though: a load balancer stops sending it traffic until Redis is back.
    const ready = await request(processA.url).get("/api/ready");
    expect(ready.status).toBe(503);
    expect(ready.body as ReadinessReport).toEqual({
      ready: false,
      database: "up",
      redis: "down",
      message: "Redis nie odpowiada.",
    });
    const writer = await signedInAgent(processA.url, DEMO.moderator);
    expect((await writer.get("/api/groups/gwd-malopolska")).status).toBe(200);

    processA.child.kill("SIGTERM");
    expect(await processA.exited).toBe(0);
    expect(processA.output()).toContain("Forum zamknięte.");
  }, 30_000);
});
