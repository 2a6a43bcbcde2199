import { spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import mongoose from "mongoose";
import { connectDatabase, disconnectDatabase } from "../../server/src/db/connectDatabase.js";
import { Category } from "../../server/src/models/Category.js";
import { Group } from "../../server/src/models/Group.js";
import { Jst } from "../../server/src/models/Jst.js";
import { Membership } from "../../server/src/models/Membership.js";
import { Post } from "../../server/src/models/Post.js";
import { Thread } from "../../server/src/models/Thread.js";
import { User } from "../../server/src/models/User.js";
import { testClientOptions, testDatabaseName, testMongoUri } from "../support/testDatabase.js";
import { testDatabaseUri } from "../support/testServer.js";

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const dbName = testDatabaseName("seed");

/** `npm run seed`'s entry point against this file's database. */
function runSeed(): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const { maxPoolSize } = testClientOptions();
    const child = spawn(process.execPath, ["--import", "tsx", "server/src/seed/seedCommand.ts"], {
      cwd: REPO_ROOT,
      env: {
        PATH: process.env.PATH ?? "",
        HOME: process.env.HOME ?? "",
        MONGODB_URI: testDatabaseUri(dbName),
        ...(maxPoolSize ? { MONGODB_MAX_POOL_SIZE: String(maxPoolSize) } : {}),
      },
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("exit", (code) => resolve({ code, output }));
  });
}

async function counts(): Promise<Record<string, number>> {
  return {
    jsts: await Jst.countDocuments(),
    users: await User.countDocuments(),
    groups: await Group.countDocuments(),
    memberships: await Membership.countDocuments(),
    categories: await Category.countDocuments(),
    threads: await Thread.countDocuments(),
    posts: await Post.countDocuments(),
  };
}

beforeAll(() => connectDatabase(testMongoUri(), { dbName, ...testClientOptions() }));
afterAll(async () => {
  await mongoose.connection.db?.dropDatabase().catch(() => undefined);
  await disconnectDatabase();
});

it("imports the TERYT register and the demo, prints the logins, and changes nothing when run again", async () => {
  const first = await runSeed();
  expect(first.code).toBe(0);
  expect(first.output).toContain("Rejestr TERYT: 2873 jednostek (nowych: 2873).");
  expect(first.output).toContain("utworzono: użytkownicy 19, grupy 3, kategorie 14, wątki 7, wpisy 19");
  expect(first.output).toContain("anna.kowalska@demo.forum-jst.pl");
  expect(first.output).toContain("Demo-Haslo-2026!");
  const afterFirst = await counts();
  expect(afterFirst).toEqual({
    jsts: 2873,
    users: 19,
    groups: 3,
    memberships: 19,
    // Each group's own four plus "Ogólne" and "Spotkania", which every new group gets; two in the network.
    categories: 20,
    threads: 7,
    posts: 19,
  });

  const second = await runSeed();
  expect(second.code).toBe(0);
  expect(second.output).toContain("(nowych: 0)");
  expect(second.output).toContain("utworzono: użytkownicy 0, grupy 0, kategorie 0, wątki 0, wpisy 0");
  expect(await counts()).toEqual(afterFirst);
  // Counters kept in documents agree with the documents they count.
  for (const group of await Group.find().lean()) {
    expect(group.memberCount).toBe(await Membership.countDocuments({ groupId: group._id }));
  }
  for (const thread of await Thread.find().lean()) {
    expect(thread.postCount).toBe(await Post.countDocuments({ threadId: thread._id }));
  }
}, 120_000);

it("names the demo's JSTs only from the real register", async () => {
  const groups = await Group.find().lean();
  const jsts = await Jst.find({ _id: mongoose.trusted({ $in: groups.flatMap((group) => group.jstIds) }) }).lean();
  expect(jsts).toHaveLength(24);
  expect(new Set(jsts.map((jst) => jst.type))).toEqual(
    new Set(["gmina_miejska", "gmina_wiejska", "gmina_miejsko_wiejska", "powiat", "miasto_na_prawach_powiatu"]),
  );
});
