import { unzipSync } from "fflate";
import mongoose from "mongoose";
import type { SessionView } from "@forum/shared";
import { userCreator } from "../../server/src/commands/userCreator.js";
import { connectDatabase, disconnectDatabase } from "../../server/src/db/connectDatabase.js";
import { DEMO_PASSWORD, signedInAgent } from "../support/http.js";
import { testClientOptions, testDatabaseName, testMongoUri } from "../support/testDatabase.js";
import { spawnForum } from "../support/testServer.js";

// The production shape of the configuration: MONGODB_URI names a server but no database, MONGODB_DB names it
// (as the embedded database chain does, too). Every collection, the sessions included, must be in that database.
const dbName = testDatabaseName("sessiondb");
const EMAIL = "sesje.w.bazie@example.pl";
let forum: Awaited<ReturnType<typeof spawnForum>> | undefined;
let userId = "";

interface StoredSession {
  _id: string;
  session: { passport?: { user?: string } };
}
const sessionsIn = (database: string) =>
  mongoose.connection.getClient().db(database).collection<StoredSession>("sessions");

beforeAll(async () => {
  await connectDatabase(testMongoUri(), { dbName, ...testClientOptions() });
  const user = await userCreator({
    email: EMAIL,
    password: DEMO_PASSWORD,
    name: "Sesja Wbazie",
    role: "member",
    jstId: null,
    position: "Inspektor",
    addresseeGroup: "pracownik_operacyjny",
    actorId: null,
  });
  userId = user._id.toString();
  expect(testMongoUri()).not.toMatch(/^mongodb(?:\+srv)?:\/\/[^/]+\/[^?/]+/);
  forum = await spawnForum({ dbName, seed: false, env: { MONGODB_URI: testMongoUri(), MONGODB_DB: dbName } });
}, 120_000);

afterAll(async () => {
  if (forum && forum.child.exitCode === null) {
    forum.child.kill("SIGTERM");
    await forum.exited;
  }
  await sessionsIn("test")
    .deleteMany({ "session.passport.user": userId })
    .catch(() => undefined);
  await mongoose.connection.db?.dropDatabase().catch(() => undefined);
  await disconnectDatabase();
});

describe("with MONGODB_DB and a URI without a database name", () => {
  it("keeps the session of a sign-in in the configured database, not in `test`", async () => {
    await signedInAgent(forum!.url, EMAIL);
    const stored = await sessionsIn(dbName).find({ "session.passport.user": userId }).toArray();
    expect(stored).toHaveLength(1);
    expect(await sessionsIn("test").countDocuments({ "session.passport.user": userId })).toBe(0);
  });

  it("lists the signed-in devices on the profile and in the personal-data export", async () => {
    const laptop = await signedInAgent(forum!.url, EMAIL);
    await signedInAgent(forum!.url, EMAIL);
    const listed = await laptop.get("/api/me/sessions");
    expect(listed.status).toBe(200);
    const sessions = listed.body.sessions as SessionView[];
    // Three sign-ins in this file so far: this test's two and the one above.
    expect(sessions).toHaveLength(3);
    expect(sessions.filter((session) => session.current)).toHaveLength(1);

    const exported = await laptop
      .get("/api/me/export")
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => done(null, Buffer.concat(chunks)));
      });
    expect(exported.status).toBe(200);
    const archive = unzipSync(new Uint8Array(exported.body as Buffer));
    const inExport = JSON.parse(new TextDecoder().decode(archive["sessions.json"])) as SessionView[];
    expect(inExport.map((session) => session.id).sort()).toEqual(sessions.map((session) => session.id).sort());
    expect(new TextDecoder().decode(archive["sessions.csv"]).split("\r\n").filter(Boolean)).toHaveLength(1 + 3);
  });
});
