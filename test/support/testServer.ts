import { spawn, type ChildProcess } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import mongoose from "mongoose";
import { connectDatabase, disconnectDatabase } from "../../server/src/db/connectDatabase.js";
import { claimSeedSnapshot, restoreSeedSnapshot, seedSnapshotFile, writeSeedSnapshot } from "./seedSnapshot.js";
import { testClientOptions, testDatabaseName, testMongoUri } from "./testDatabase.js";

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const STARTED = /Forum Współpracy JST działa: (http:\/\/\S+)/;

export interface TestServer {
  /** e.g. http://127.0.0.1:40123 */
  url: string;
  dbName: string;
  /** The server process: `npm start`'s entry point, as in production. */
  child: ChildProcess;
  /** Everything the process printed so far (for failure messages). */
  output(): string;
  /** Stops the server (SIGTERM), drops the test file's database and disconnects the test's own connection. */
  stop(): Promise<void>;
}

/** The database URI of one test file, for a server started with MONGODB_URI. */
export function testDatabaseUri(dbName: string): string {
  const [base = "", query] = testMongoUri().split("?");
  return `${base.replace(/\/?$/, "/")}${dbName}${query ? `?${query}` : ""}`;
}

/** Starts `server/src/main.ts` in its own process, as `npm start` does, with a database of its own. */
export async function spawnForum(options: {
  dbName: string;
  seed: boolean;
  env?: Record<string, string>;
}): Promise<{ url: string; child: ChildProcess; output(): string; exited: Promise<number | null> }> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "forum-jst-test-"));
  const { maxPoolSize } = testClientOptions();
  // globalSetup's bundle of the same sources (test/support/serverBundle.mjs) starts faster than tsx.
  const bundle = process.env.FORUM_TEST_SERVER_BUNDLE;
  const entry = bundle ? [bundle] : ["--import", "tsx", "server/src/main.ts"];
  const child = spawn(process.execPath, entry, {
    cwd: REPO_ROOT,
    env: {
      PATH: process.env.PATH ?? "",
      HOME: process.env.HOME ?? "",
      NODE_ENV: "test",
      HOST: "127.0.0.1",
      PORT: "0",
      DATA_DIR: dataDir,
      LOG_LEVEL: process.env.FORUM_TEST_LOG_LEVEL ?? "warn",
      MONGODB_URI: testDatabaseUri(options.dbName),
      SEED_DEMO: options.seed ? "always" : "never",
      // Most tests post as fresh members; the approval queue is tested where it is asked for.
      NEW_MEMBER_APPROVAL_POSTS: "0",
      ...(maxPoolSize ? { MONGODB_MAX_POOL_SIZE: String(maxPoolSize) } : {}),
      ...options.env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  void exited.then(() => rm(dataDir, { recursive: true, force: true }));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`forum did not start in 90 s:\n${output}`)), 90_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = STARTED.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`forum exited with ${code} before starting:\n${output}`));
    });
  });
  return { url, child, output: () => output, exited };
}

/** The real app on a random port, with its own database (and the demo data when asked). */
export async function startTestServer(
  options: {
    seed?: boolean;
    label?: string;
    env?: Record<string, string>;
    /** As production is often configured: MONGODB_URI names only the server, MONGODB_DB the database. */
    databaseFromMongodbDb?: boolean;
  } = {},
): Promise<TestServer> {
  const dbName = testDatabaseName(options.label ?? "server");
  const env = {
    ...(options.databaseFromMongodbDb ? { MONGODB_URI: testMongoUri(), MONGODB_DB: dbName } : {}),
    ...options.env,
  };
  // The test's own connection to the same database, for assertions on stored data (and the seed's copy).
  await connectDatabase(testMongoUri(), { dbName, ...testClientOptions() });
  // The seed does not depend on where the database is named: share the snapshot with the other servers.
  const snapshot = options.seed ? seedSnapshotFile(options.env ?? {}) : null;
  const restored = snapshot !== null && (await restoreSeedSnapshot(mongoose.connection, snapshot));
  const forum = await spawnForum({ dbName, seed: (options.seed ?? false) && !restored, env });
  if (snapshot && !restored && (await claimSeedSnapshot(snapshot))) {
    // Only a shortcut for later servers: if it cannot be written, they seed as this one did.
    await writeSeedSnapshot(mongoose.connection, snapshot).catch((error: unknown) =>
      console.warn(`seed snapshot not written: ${String(error)}`),
    );
  }
  let stopping = false;
  // A server that dies under a test only shows as refused connections: say why it died (a test that
  // stops it on purpose, with SIGTERM, sees it exit with 0).
  void forum.exited.then((code) => {
    if (!stopping && code !== 0)
      console.error(`forum "${dbName}" exited with ${code} during the tests:\n${forum.output().slice(-8000)}`);
  });
  return {
    url: forum.url,
    dbName,
    child: forum.child,
    output: forum.output,
    stop: async () => {
      stopping = true;
      if (forum.child.exitCode === null) {
        forum.child.kill("SIGTERM");
        await forum.exited;
      }
      await mongoose.connection.db?.dropDatabase().catch(() => undefined);
      await disconnectDatabase();
    },
  };
}
