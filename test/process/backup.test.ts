import { spawn } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { mkdir, mkdtemp, readdir, readFile, rm, stat, truncate, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import mongoose from "mongoose";
import { spawnForum, testDatabaseUri } from "../support/testServer.js";
import { testClientOptions, testDatabaseName, testMongoUri } from "../support/testDatabase.js";

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const { EJSON } = mongoose.mongo.BSON;

interface Run {
  code: number | null;
  output: string;
}

/** Runs `npm run backup` / `npm run restore`'s entry point against a test database and data directory. */
function runCommand(script: "backupCommand" | "restoreCommand", args: string[], dbName: string, dataDir: string) {
  const { maxPoolSize } = testClientOptions();
  return new Promise<Run>((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", `server/src/backup/${script}.ts`, ...args], {
      cwd: REPO_ROOT,
      env: {
        PATH: process.env.PATH ?? "",
        HOME: process.env.HOME ?? "",
        NODE_ENV: "test",
        MONGODB_URI: testDatabaseUri(dbName),
        DATA_DIR: dataDir,
        ...(maxPoolSize ? { MONGODB_MAX_POOL_SIZE: String(maxPoolSize) } : {}),
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.once("exit", (code) => resolve({ code, output }));
  });
}

/** Every collection's count and SHA-256 of its documents in _id order (canonical Extended JSON). */
async function fingerprint(dbName: string): Promise<Record<string, { count: number; sha256: string }>> {
  const connection = await mongoose.createConnection(testMongoUri(), { dbName, ...testClientOptions() }).asPromise();
  try {
    const db = connection.db!;
    const names = (await db.listCollections({}, { nameOnly: true }).toArray())
      .map((collection) => collection.name)
      .filter((name) => !name.startsWith("system."))
      .sort();
    const result: Record<string, { count: number; sha256: string }> = {};
    for (const name of names) {
      const hash = createHash("sha256");
      let count = 0;
      for await (const document of db.collection(name).find({}, { sort: { _id: 1 } })) {
        hash.update(EJSON.stringify(document, { relaxed: false }));
        count += 1;
      }
      if (count > 0) result[name] = { count, sha256: hash.digest("hex") };
    }
    return result;
  } finally {
    await connection.close();
  }
}

async function fileHashes(dir: string): Promise<Record<string, string>> {
  const result: Record<string, string> = {};
  for (const store of ["avatars", "uploads"]) {
    const root = path.join(dir, store);
    const entries = await readdir(root, { recursive: true, withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      if (!entry.isFile()) continue;
      const full = path.join(entry.parentPath, entry.name);
      result[path.relative(dir, full)] = createHash("sha256")
        .update(await readFile(full))
        .digest("hex");
    }
  }
  return result;
}

const sourceDb = testDatabaseName("backup_src");
const targetDb = testDatabaseName("backup_dst");
let workDir: string;
let sourceDir: string;
let backupFile: string;

beforeAll(async () => {
  workDir = await mkdtemp(path.join(os.tmpdir(), "forum-jst-backup-"));
  sourceDir = path.join(workDir, "source");
  backupFile = path.join(workDir, "kopia.jsonl.gz");
  // A seeded forum, stopped (a backup of a standalone server is consistent when nothing writes).
  const forum = await spawnForum({ dbName: sourceDb, seed: true, env: { DATA_DIR: sourceDir } });
  forum.child.kill("SIGTERM");
  await forum.exited;
  await mkdir(path.join(sourceDir, "avatars"), { recursive: true });
  await mkdir(path.join(sourceDir, "uploads", "2026"), { recursive: true });
  await writeFile(path.join(sourceDir, "avatars", "a1.webp"), randomBytes(2_000));
  await writeFile(path.join(sourceDir, "uploads", "2026", "sprawozdanie-zażółć.pdf"), randomBytes(1_300_000));
  await writeFile(path.join(sourceDir, "uploads", "pusty.txt"), "");
}, 180_000);

afterAll(async () => {
  for (const dbName of [sourceDb, targetDb]) {
    const connection = await mongoose.createConnection(testMongoUri(), { dbName, ...testClientOptions() }).asPromise();
    await connection.db?.dropDatabase().catch(() => undefined);
    await connection.close();
  }
  await rm(workDir, { recursive: true, force: true });
});

it("restores a backup into a fresh database with every collection and file identical", async () => {
  const backup = await runCommand("backupCommand", [backupFile], sourceDb, sourceDir);
  expect(backup.output).toContain("Kopia zapisana");
  expect(backup.code).toBe(0);
  expect((await stat(backupFile)).size).toBeGreaterThan(1000);

  const targetDir = path.join(workDir, "target");
  const restore = await runCommand("restoreCommand", [backupFile], targetDb, targetDir);
  expect(restore.output).toContain("Kopia odtworzona");
  expect(restore.code).toBe(0);

  const before = await fingerprint(sourceDb);
  expect(Object.keys(before)).toEqual(expect.arrayContaining(["users", "threads", "posts", "events", "jsts"]));
  expect(await fingerprint(targetDb)).toEqual(before);
  const files = await fileHashes(sourceDir);
  expect(Object.keys(files)).toHaveLength(3);
  expect(await fileHashes(targetDir)).toEqual(files);

  // The restored database works: its unique indexes are in place again.
  const connection = await mongoose
    .createConnection(testMongoUri(), { dbName: targetDb, ...testClientOptions() })
    .asPromise();
  try {
    // The backup carries its own record (the launch checklist's "backup taken"), so a restored forum knows it too.
    const record = await connection.db!.collection("jobruns").findOne({ name: "backup" });
    expect(record).toMatchObject({ lastRunAt: expect.any(Date), lastResult: { file: backupFile } });
    const user = await connection.db!.collection("users").findOne({});
    await expect(
      connection.db!.collection("users").insertOne({ ...user, _id: new mongoose.Types.ObjectId() }),
    ).rejects.toThrow();
  } finally {
    await connection.close();
  }
}, 180_000);

it("refuses to restore into a database that already has data, changing nothing", async () => {
  const before = await fingerprint(targetDb);
  const again = await runCommand("restoreCommand", [backupFile], targetDb, path.join(workDir, "other"));
  expect(again.code).toBe(1);
  expect(again.output).toMatch(/Baza docelowa nie jest pusta \(kolekcje: .*users/);
  expect(await fingerprint(targetDb)).toEqual(before);
}, 120_000);

it("refuses a damaged or truncated backup before restoring anything, and explains its usage", async () => {
  const damaged = path.join(workDir, "uszkodzona.jsonl.gz");
  await writeFile(damaged, await readFile(backupFile));
  await truncate(damaged, Math.floor((await stat(damaged)).size / 2));
  const emptyDb = testDatabaseName("backup_bad");
  const result = await runCommand("restoreCommand", [damaged], emptyDb, path.join(workDir, "bad"));
  expect(result.code).toBe(1);
  expect(result.output).toMatch(/Plik kopii jest (uszkodzony|niekompletny)/);
  expect(await fingerprint(emptyDb)).toEqual({});

  const missing = await runCommand("restoreCommand", [path.join(workDir, "nie-ma.gz")], emptyDb, workDir);
  expect(missing.output).toContain("Nie ma pliku kopii");
  const usage = await runCommand("restoreCommand", [], emptyDb, workDir);
  expect(usage.code).toBe(2);
  expect(usage.output).toContain("Użycie: npm run restore -- ŚCIEŻKA_DO_PLIKU_KOPII");
}, 120_000);
