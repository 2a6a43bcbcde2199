import mongoose from "mongoose";
import { userCreator } from "../../server/src/commands/userCreator.js";
import { connectDatabase, disconnectDatabase } from "../../server/src/db/connectDatabase.js";
import { csrfAgent, DEMO_PASSWORD, signIn } from "../support/http.js";
import { testClientOptions, testDatabaseName, testMongoUri } from "../support/testDatabase.js";
import { spawnForum } from "../support/testServer.js";

// The expired-session sweep runs every SESSION_SWEEP_INTERVAL_MS (ten minutes by default). It used to be
// connect-mongo's own timer, which deletes with an unacknowledged write (w: 0): MongoDB sends no reply to it,
// FerretDB (1.24 and 2) does, and the driver read that stray reply as the answer to the next command on the
// connection ("BSON element "cursor" is missing"), and every later answer on it as the one before.
const dbName = testDatabaseName("sessionsweep");
const EMAIL = "zamiatanie.sesji@example.pl";
const SWEEP_EVERY_MS = 300;
let forum: Awaited<ReturnType<typeof spawnForum>> | undefined;

const sessions = () => mongoose.connection.db!.collection<{ _id: string; expires: Date }>("sessions");
const expiredSession = (index: number) => ({ _id: `wygasla-${index}`, expires: new Date(Date.now() - 60_000) });

beforeAll(async () => {
  await connectDatabase(testMongoUri(), { dbName, ...testClientOptions() });
  await userCreator({
    email: EMAIL,
    password: DEMO_PASSWORD,
    name: "Zofia Zamiatająca",
    role: "member",
    jstId: null,
    position: "Inspektor",
    addresseeGroup: "pracownik_operacyjny",
    actorId: null,
  });
  forum = await spawnForum({ dbName, seed: false, env: { SESSION_SWEEP_INTERVAL_MS: String(SWEEP_EVERY_MS) } });
}, 120_000);

afterAll(async () => {
  if (forum && forum.child.exitCode === null) {
    forum.child.kill("SIGTERM");
    await forum.exited;
  }
  await mongoose.connection.db?.dropDatabase().catch(() => undefined);
  await disconnectDatabase();
});

it("removes expired sessions while every request keeps getting its own answer, never a 500", async () => {
  const agent = await csrfAgent(forum!.url);
  expect((await signIn(agent, EMAIL)).status).toBe(200);
  const answers: string[] = [];
  const deadline = Date.now() + 12 * SWEEP_EVERY_MS;
  let round = 0;
  while (Date.now() < deadline) {
    round += 1;
    await sessions().insertOne(expiredSession(round));
    // Reads of different kinds, one after another on the server's connection: each must be answered as asked.
    const me = await agent.get("/api/auth/me");
    const listed = await agent.get("/api/me/sessions");
    const csrf = await agent.get("/api/auth/csrf");
    answers.push(
      `${me.status}:${(me.body as { user?: { email?: string } }).user?.email ?? "-"}`,
      `${listed.status}:${(listed.body as { sessions?: unknown[] }).sessions?.length ?? "-"}`,
      `${csrf.status}`,
    );
    await new Promise((resolve) => setTimeout(resolve, SWEEP_EVERY_MS / 3));
  }
  expect(answers.filter((answer) => !["200:" + EMAIL, "200:1", "200"].includes(answer))).toEqual([]);
  // The sweep did run: the expired sessions inserted before the last few rounds are gone.
  await new Promise((resolve) => setTimeout(resolve, 3 * SWEEP_EVERY_MS));
  expect(await sessions().countDocuments({ expires: { $lt: new Date() } })).toBe(0);
  expect(forum!.output()).not.toMatch(/cursor" is missing|MongoUnexpectedServerResponseError/);
});
