import { randomUUID } from "node:crypto";
import mongoose from "mongoose";
import type { GroupDetail } from "@forum/shared";
import { connectDatabase, disconnectDatabase } from "../../server/src/db/connectDatabase.js";
import { Post } from "../../server/src/models/Post.js";
import { Thread } from "../../server/src/models/Thread.js";
import { csrfAgent, DEMO, signIn } from "../support/http.js";
import { testClientOptions, testDatabaseName, testMongoUri } from "../support/testDatabase.js";
import { spawnForum } from "../support/testServer.js";

const dbName = testDatabaseName("shutdown");
afterAll(async () => {
  await mongoose.connection.db?.dropDatabase().catch(() => undefined);
  await disconnectDatabase();
});

it("loses none of the acknowledged writes when SIGTERM arrives during a burst", async () => {
  const forum = await spawnForum({ dbName, seed: true });
  const agent = await csrfAgent(forum.url);
  expect((await signIn(agent, DEMO.memberA)).status).toBe(200);
  const detail = (await agent.get("/api/groups/gwd-malopolska")).body as GroupDetail;
  const category = detail.categories.find((candidate) => candidate.slug === "dyskusje");
  const threadId = ((await agent.get(`/api/categories/${category?.id}/threads`)).body as { threads: { id: string }[] })
    .threads[0]?.id;

  const acknowledged: string[] = [];
  const failed: string[] = [];
  let sent = 0;
  let terminated = false;
  const sendOne = async (): Promise<void> => {
    const clientId = randomUUID();
    sent += 1;
    try {
      const response = await agent
        .post(`/api/threads/${threadId}/posts`)
        .send({ body: `Wpis ${sent} w serii`, clientId });
      if (response.status === 201) acknowledged.push(clientId);
      else failed.push(clientId);
    } catch {
      failed.push(clientId); // connection refused or reset: never acknowledged
    }
  };
  // Eight writers keep requests in flight; SIGTERM lands once 40 are acknowledged.
  const writers = Array.from({ length: 8 }, async () => {
    while (sent < 400 && forum.child.exitCode === null) {
      await sendOne();
      if (!terminated && acknowledged.length >= 40) {
        terminated = true;
        forum.child.kill("SIGTERM");
      }
    }
  });
  await Promise.all(writers);
  const exitCode = await forum.exited;

  expect(terminated).toBe(true);
  expect(exitCode).toBe(0);
  expect(forum.output()).toContain("Forum zamknięte.");
  expect(acknowledged.length).toBeGreaterThanOrEqual(40);

  await connectDatabase(testMongoUri(), { dbName, ...testClientOptions() });
  const stored = await Post.find({ clientId: mongoose.trusted({ $in: acknowledged }) }, { clientId: 1 }).lean();
  expect(new Set(stored.map((post) => post.clientId))).toEqual(new Set(acknowledged));
  // Nothing half-done: the thread's counter matches the posts that exist.
  const thread = await Thread.findById(threadId).lean();
  expect(thread?.postCount).toBe(await Post.countDocuments({ threadId }));
}, 180_000);
