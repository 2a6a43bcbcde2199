import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import mongoose from "mongoose";
import { findDatabase, NoDatabaseError } from "../../server/src/db/findDatabase.js";
import { isPortFree } from "../../server/src/db/freePort.js";

const FERRETDB_TEMP_PREFIX = "forum-jst-ferretdb-";

/** FerretDB can come up here if it is cached already or Go can build it. */
function canRunFerretDb(): boolean {
  const cache = process.env.XDG_CACHE_HOME ?? path.join(os.homedir(), ".cache");
  if (existsSync(path.join(cache, "forum-jst/ferretdb/v1.24.2/ferretdb"))) return true;
  try {
    execFileSync("sh", ["-c", "command -v go"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

function ferretDbTempDirs(): Set<string> {
  return new Set(readdirSync(os.tmpdir()).filter((name) => name.startsWith(FERRETDB_TEMP_PREFIX)));
}

describe("findDatabase", () => {
  test("uses MONGODB_URI untouched and starts nothing", async () => {
    const messages: string[] = [];
    const uri = "mongodb://db.example.invalid:27017/forum?replicaSet=rs0";
    const handle = await findDatabase({
      mongodbUri: uri,
      purpose: "start",
      dataDir: "/nonexistent/data",
      log: (message) => messages.push(message),
    });
    expect(handle.uri).toBe(uri);
    expect(handle.kind).toBe("external");
    expect(handle.clientOptions).toEqual({});
    await expect(handle.stop()).resolves.toBeUndefined();
    expect(messages).toEqual([]);
  });

  (canRunFerretDb() ? test : test.skip)(
    "falls through to FerretDB, which takes mongoose connections; stop() frees port and temp dir",
    async () => {
      const tempDirsBefore = ferretDbTempDirs();
      const messages: string[] = [];
      const handle = await findDatabase({
        purpose: "test",
        dataDir: "/nonexistent/data",
        skipEmbeddedMongo: true,
        log: (message) => messages.push(message),
      });
      expect(handle.kind).toBe("ferretdb");
      expect(handle.clientOptions).toEqual({ maxPoolSize: 1 });
      expect(handle.uri).toMatch(/^mongodb:\/\/127\.0\.0\.1:\d+\/$/);
      expect(messages.some((message) => message.includes("FerretDB"))).toBe(true);
      const port = Number(new URL(handle.uri).port);
      const ownTempDirs = [...ferretDbTempDirs()].filter((name) => !tempDirsBefore.has(name));
      expect(ownTempDirs).toHaveLength(1);

      const connection = await mongoose
        .createConnection(handle.uri, { dbName: "chain_check", ...handle.clientOptions })
        .asPromise();
      try {
        await connection.collection("things").insertOne({ name: "gmina Przykładowo" });
        expect(await connection.collection("things").findOne({}, { projection: { _id: 0 } })).toEqual({
          name: "gmina Przykładowo",
        });
      } finally {
        await connection.close();
      }

      await handle.stop();
      await handle.stop(); // a second stop is harmless
      expect(await isPortFree(port)).toBe(true);
      expect(existsSync(path.join(os.tmpdir(), ownTempDirs[0]!))).toBe(false);
    },
  );

  (canRunFerretDb() ? test : test.skip)("for start, FerretDB keeps its data under dataDir/ferretdb", async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), "forum-jst-start-data-"));
    const options = { purpose: "start", dataDir, skipEmbeddedMongo: true, log: () => {} } as const;
    try {
      const first = await findDatabase(options);
      const writer = await mongoose
        .createConnection(first.uri, { dbName: "forum", ...first.clientOptions })
        .asPromise();
      await writer.collection("groups").insertOne({ slug: "oswiata-mazowsze" });
      await writer.close();
      await first.stop();
      expect(readdirSync(path.join(dataDir, "ferretdb")).some((name) => name.endsWith(".sqlite"))).toBe(true);

      const second = await findDatabase(options);
      const reader = await mongoose
        .createConnection(second.uri, { dbName: "forum", ...second.clientOptions })
        .asPromise();
      try {
        expect(await reader.collection("groups").countDocuments({ slug: "oswiata-mazowsze" })).toBe(1);
      } finally {
        await reader.close();
        await second.stop();
      }
      expect(existsSync(path.join(dataDir, "ferretdb"))).toBe(true);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  test("without any way to a database it names all three", async () => {
    const originalPath = process.env.PATH;
    const originalCache = process.env.XDG_CACHE_HOME;
    const emptyCache = mkdtempSync(path.join(os.tmpdir(), "forum-jst-empty-cache-"));
    // bash and sh stay reachable; Go usually lives elsewhere (/usr/local/go/bin, ~/go, …).
    process.env.PATH = "/usr/bin:/bin";
    process.env.XDG_CACHE_HOME = emptyCache;
    try {
      let goStillVisible = true;
      try {
        execFileSync("sh", ["-c", "command -v go"], { stdio: "ignore" });
      } catch {
        goStillVisible = false;
      }
      if (goStillVisible) return; // cannot hide Go on this machine; nothing to check

      const failure = findDatabase({
        purpose: "test",
        dataDir: "/nonexistent/data",
        skipEmbeddedMongo: true,
        log: () => {},
      });
      await expect(failure).rejects.toBeInstanceOf(NoDatabaseError);
      const message = await failure.catch((error: Error) => error.message);
      expect(message).toContain("MONGODB_URI");
      expect(message).toContain("mongodb-memory-server");
      expect(message).toMatch(/Go/);
      expect(message).toContain("FORUM_SKIP_EMBEDDED_MONGODB");
    } finally {
      process.env.PATH = originalPath;
      if (originalCache === undefined) delete process.env.XDG_CACHE_HOME;
      else process.env.XDG_CACHE_HOME = originalCache;
      rmSync(emptyCache, { recursive: true, force: true });
    }
  });
});
