// A reply the driver did not ask for puts a connection out of step: the driver reads one reply per command and
// does not match replies to requests. FerretDB (1.24 here, 2 alike) answers unacknowledged writes (w: 0), which
// MongoDB does not; connect-mongo's session sweep used one every ten minutes, and from then on every command on
// that connection got the previous command's answer (`BSON element "cursor" is missing`, or another query's
// documents). The forum sends no w: 0 writes any more; if a connection still comes out of step, it is replaced.
import mongoose, { type Connection } from "mongoose";
import { isOutOfStepReplyError, recycleConnections } from "../../server/src/db/outOfStepReplies.js";
import { isDatabaseUnavailableError } from "../../server/src/errors/databaseUnavailable.js";
import { testDatabaseKind, testDatabaseName, testMongoUri } from "../support/testDatabase.js";

const onFerretDb = testDatabaseKind() === "ferretdb";
let connection: Connection;

beforeAll(async () => {
  // One connection, as the forum has on FerretDB: every command shares it.
  connection = await mongoose
    .createConnection(testMongoUri(), { dbName: testDatabaseName("outofstep"), maxPoolSize: 1 })
    .asPromise();
  await connection.collection("numbers").insertMany([
    { _id: 1 as never, word: "jeden" },
    { _id: 2 as never, word: "dwa" },
    { _id: 3 as never, word: "trzy" },
  ]);
});
afterAll(async () => {
  await connection.dropDatabase().catch(() => undefined);
  await connection.close();
});

const wordOf = async (id: number) =>
  (
    await connection
      .collection("numbers")
      .find({ _id: id as never })
      .toArray()
  ).map((doc) => doc.word);

it("an unacknowledged write leaves the connection answering the previous command on FerretDB, and recycling the pool puts it right", async () => {
  await connection.collection("scratch").insertOne({ expires: new Date(0) });
  await connection.collection("scratch").deleteMany({ expires: { $lt: new Date() } }, { writeConcern: { w: 0 } });
  // Let FerretDB's stray reply arrive on its own, as it does when the sweep runs between requests.
  await new Promise((resolve) => setTimeout(resolve, 100));

  let failure: unknown = null;
  try {
    expect(await wordOf(1)).toEqual(["jeden"]);
  } catch (error) {
    failure = error;
  }
  if (onFerretDb) {
    // A FerretDB deviation: it fails (on purpose) once FerretDB stops answering w: 0 writes. The find read the
    // delete's reply...
    expect(isOutOfStepReplyError(failure)).toBe(true);
    expect(String(failure)).toMatch(/cursor" is missing/);
    // ...and the next command reads the find's: asked for 2, it gets 1 (someone else's answer, in a server).
    expect(await wordOf(2)).toEqual(["jeden"]);
    // To a request this is a retryable 503, like an outage, never a 500.
    expect(isDatabaseUnavailableError(failure)).toBe(true);
  } else {
    expect(failure).toBeNull();
  }

  expect(recycleConnections(connection.getClient())).toBe(true);
  // Fresh connections: every command gets its own answer.
  for (const [id, word] of [
    [3, "trzy"],
    [1, "jeden"],
    [2, "dwa"],
    [3, "trzy"],
  ] as const) {
    expect(await wordOf(id)).toEqual([word]);
  }
  expect(await connection.collection("numbers").countDocuments({})).toBe(3);
});
