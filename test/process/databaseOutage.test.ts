import request from "supertest";
import { connectDatabase, disconnectDatabase } from "../../server/src/db/connectDatabase.js";
import { findFreePort } from "../../server/src/db/freePort.js";
import { FOREIGN_WRITE_GRACE_MS } from "../../server/src/infra/pendingWrites.js";
import { DEMO } from "../support/http.js";
import { ForumLoad, unexpectedOutcomes, waitForConsistency, writerIn } from "../support/forumLoad.js";
import { startKillableFerretDb, type KillableFerretDb } from "../support/killableFerretDb.js";
import { until } from "../support/rooms.js";
import { testDatabaseName } from "../support/testDatabase.js";
import { spawnForum } from "../support/testServer.js";

const PIOTR = "piotr.mazur@demo.forum-jst.pl";
const dbName = testDatabaseName("outage");
let database: KillableFerretDb;
let forum: Awaited<ReturnType<typeof spawnForum>>;
let env: Record<string, string>;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

beforeAll(async () => {
  // A database of this file's own: the test stops and starts it.
  database = await startKillableFerretDb();
  env = {
    MONGODB_URI: `${database.uri}${dbName}`,
    MONGODB_MAX_POOL_SIZE: "1",
    // The same port and session secret after a restart: the signed-in agents carry on.
    PORT: String(await findFreePort()),
    SESSION_SECRET: "sekret-sesji-testu-awarii-bazy-0123456789abcdef",
  };
  forum = await spawnForum({ dbName, seed: true, env });
  // The test's own connection, for the consistency checks.
  await connectDatabase(database.uri, { dbName, maxPoolSize: 1 });
}, 90_000);

afterAll(async () => {
  if (forum?.child.exitCode === null) {
    forum.child.kill("SIGTERM");
    await forum.exited;
  }
  await disconnectDatabase();
  await database?.stop();
});

async function startLoad(): Promise<ForumLoad> {
  return new ForumLoad([
    await writerIn(forum.url, DEMO.memberA, "gwd-malopolska"),
    await writerIn(forum.url, PIOTR, "gwd-malopolska"),
    await writerIn(forum.url, DEMO.memberB, "gwd-wielkopolska-pomorze"),
  ]);
}

it("answers 503 (retryable) while the database is away, recovers by itself, leaves nothing half-done", async () => {
  const load = await startLoad();
  await until(() => load.acknowledged.size >= 10, 20_000);

  await database.kill();
  const outageStart = load.outcomes.length;
  await sleep(5_000);
  const health = await request(forum.url).get("/api/health").timeout(5_000);
  expect([200, 503]).toContain(health.status);
  const duringOutage = load.since(outageStart);
  expect(duringOutage.filter((outcome) => outcome.status === 503).length).toBeGreaterThan(0);

  await database.restart();
  const acknowledgedBefore = load.acknowledged.size;
  const restartedAt = Date.now();
  await until(() => load.acknowledged.size >= acknowledgedBefore + 6, 30_000);
  const recoveredAfterMs = Date.now() - restartedAt;
  await load.stop();

  expect(forum.child.exitCode).toBeNull();
  expect(unexpectedOutcomes(load.outcomes)).toEqual([]);
  expect(recoveredAfterMs).toBeLessThan(30_000);
  // Refused reads and writes each say what happened to the user's request, in Polish.
  const refused = load.outcomes.filter((outcome) => outcome.status === 503);
  const readMessages = new Set(refused.filter((o) => o.request.startsWith("GET")).map((o) => o.message));
  const writeMessages = new Set(refused.filter((o) => o.request.startsWith("POST")).map((o) => o.message));
  expect([...readMessages]).toEqual([expect.stringMatching(/^Nie możemy teraz wczytać danych.*spróbuj za chwilę/i)]);
  expect([...writeMessages]).toEqual([expect.stringMatching(/^Nie zapisaliśmy zmian.*Twój tekst został zachowany/)]);
  expect(refused.every((outcome) => outcome.retryAfter === "5")).toBe(true);

  expect(await waitForConsistency(load, 25_000)).toEqual([]);
}, 120_000);

it("a server killed during a burst of writes leaves nothing half-done once it runs again", async () => {
  const load = await startLoad();
  const acknowledgedBefore = load.acknowledged.size;
  await until(() => load.acknowledged.size >= acknowledgedBefore + 12, 20_000);

  // A crash, not a polite shutdown: writes are cut between their steps.
  forum.child.kill("SIGKILL");
  await forum.exited;
  const killedAt = Date.now();
  forum = await spawnForum({ dbName, seed: false, env });
  const afterRestart = load.acknowledged.size;
  await until(() => load.acknowledged.size >= afterRestart + 6, 20_000);
  await load.stop();

  // The recovery pass takes over another process's writes once they are surely abandoned.
  expect(await waitForConsistency(load, FOREIGN_WRITE_GRACE_MS + 10_000 - (Date.now() - killedAt))).toEqual([]);
}, 120_000);
