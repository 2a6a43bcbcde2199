import mongoose from "mongoose";
import { connectDatabase, disconnectDatabase } from "../../server/src/db/connectDatabase.js";
import { Event } from "../../server/src/models/Event.js";
import { JobRun } from "../../server/src/models/JobRun.js";
import { IP_RETENTION_JOB } from "../../server/src/jobs/ipRetention.js";
import { testClientOptions, testDatabaseName, testMongoUri } from "../support/testDatabase.js";
import { spawnForum } from "../support/testServer.js";

const DAY_MS = 24 * 60 * 60 * 1000;

/** Polls the database until the condition holds (the job runs in the server process, on its own timer). */
async function until(condition: () => Promise<boolean>, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await condition())) {
    if (Date.now() > end) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
const dbName = testDatabaseName("ipretention");
const env = { IP_RETENTION_DAYS: "30" };
let stopForum: () => Promise<unknown> = async () => undefined;

afterAll(async () => {
  await stopForum();
  await mongoose.connection.db?.dropDatabase().catch(() => undefined);
  await disconnectDatabase();
});

interface StoredSession {
  _id: string;
  expires: Date;
  session: { cookie: object; signedInAt: number; lastSeenAt: number; userAgent: string; ip: string | null };
}
const sessions = () => mongoose.connection.db!.collection<StoredSession>("sessions");

async function storeEvent(ip: string, daysAgo: number): Promise<mongoose.Types.ObjectId> {
  // Straight into the collection: the model refuses changes and would stamp createdAt with now.
  const _id = new mongoose.Types.ObjectId();
  await Event.collection.insertOne({
    _id,
    name: "users.login",
    actorId: null,
    actorRole: null,
    subjectType: "User",
    subjectId: new mongoose.Types.ObjectId(),
    data: {},
    ip,
    createdAt: new Date(Date.now() - daysAgo * DAY_MS),
  });
  return _id;
}

async function storeSession(id: string, ip: string, daysAgo: number): Promise<void> {
  const seenAt = Date.now() - daysAgo * DAY_MS;
  await sessions().insertOne({
    _id: id,
    expires: new Date(Date.now() + DAY_MS),
    session: { cookie: {}, signedInAt: seenAt, lastSeenAt: seenAt, userAgent: "test", ip },
  });
}

const ipOfEvent = async (id: mongoose.Types.ObjectId) => (await Event.findById(id).lean())?.ip;
const ipOfSession = async (id: string) => (await sessions().findOne({ _id: id }))?.session.ip;
const lastRunAt = async () => (await JobRun.findOne({ name: IP_RETENTION_JOB }).lean())?.lastRunAt?.getTime() ?? 0;

async function startForum(): Promise<void> {
  const forum = await spawnForum({ dbName, seed: false, env });
  stopForum = async () => {
    if (forum.child.exitCode === null) {
      forum.child.kill("SIGTERM");
      await forum.exited;
    }
  };
}

it("removes IPs older than IP_RETENTION_DAYS when the stored last run is overdue, keeps newer ones, and does not rerun after a quick restart", async () => {
  await connectDatabase(testMongoUri(), { dbName, ...testClientOptions() });
  const oldEvent = await storeEvent("203.0.113.10", 31);
  const newEvent = await storeEvent("203.0.113.11", 29);
  await storeSession("stara-sesja", "203.0.113.12", 31);
  await storeSession("nowa-sesja", "203.0.113.13", 1);

  // The last run on record is two hours old (a process stopped since): the next start runs the job at once.
  const previousRun = new Date(Date.now() - 2 * 60 * 60 * 1000);
  await JobRun.create({ name: IP_RETENTION_JOB, lastRunAt: previousRun });
  await startForum();
  await until(async () => (await lastRunAt()) > previousRun.getTime());
  await until(async () => (await JobRun.findOne({ name: IP_RETENTION_JOB, "lastResult.events": 1 }).lean()) !== null);
  expect(await ipOfEvent(oldEvent)).toBeNull();
  expect(await ipOfEvent(newEvent)).toBe("203.0.113.11");
  expect(await ipOfSession("stara-sesja")).toBeNull();
  expect(await ipOfSession("nowa-sesja")).toBe("203.0.113.13");
  const job = await JobRun.findOne({ name: IP_RETENTION_JOB }).lean();
  expect(job?.lastResult).toEqual({ events: 1, sessions: 1, consentRecords: 0 });
  const run = await lastRunAt();

  // Restarted within the hour: the stored run is recent, so the new process does not run it again.
  await stopForum();
  const laterEvent = await storeEvent("203.0.113.14", 40);
  await startForum();
  expect(await lastRunAt()).toBe(run);
  expect(await ipOfEvent(laterEvent)).toBe("203.0.113.14");
}, 180_000);
