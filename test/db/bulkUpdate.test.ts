// Many updates of existing documents in one go: FerretDB 1.24 never answers one `update` command of
// 100 or more such statements and keeps its database locked afterwards (found when unpublishing an
// analysis of some 120 words took the whole forum down). bulkUpdate splits them where needed.
import mongoose from "mongoose";
import { bulkUpdate } from "../../server/src/db/bulkUpdate.js";
import { connectDatabase, disconnectDatabase } from "../../server/src/db/connectDatabase.js";
import { SearchTermStat } from "../../server/src/models/SearchTermStat.js";
import { testClientOptions, testDatabaseName, testMongoUri } from "../support/testDatabase.js";

beforeAll(async () => {
  await connectDatabase(testMongoUri(), { dbName: testDatabaseName("bulkupdate"), ...testClientOptions() });
}, 60_000);

afterAll(async () => {
  await mongoose.connection.db?.dropDatabase();
  await disconnectDatabase();
});

const increments = (terms: string[], by: number, upsert: boolean) =>
  terms.map((term) => ({ updateOne: { filter: { _id: term }, update: { $inc: { entries: by } }, upsert } }));

it("applies 250 updates of existing documents, ordered or not, and the database keeps answering", async () => {
  const terms = Array.from({ length: 250 }, (_, index) => `l:slowo${index}`);
  await bulkUpdate(SearchTermStat, increments(terms, 2, true));
  await bulkUpdate(SearchTermStat, increments(terms, -1, true), { ordered: false });
  await bulkUpdate(SearchTermStat, increments(terms, 5, false), { ordered: true });
  const stored = await SearchTermStat.find({ _id: mongoose.trusted({ $gte: "l:slowo" }) })
    .sort({ _id: 1 })
    .limit(300)
    .lean();
  expect(stored).toHaveLength(250);
  expect(stored.every((stat) => stat.entries === 6)).toBe(true);
  // Still answering other commands (a locked FerretDB times every later command out).
  expect(await SearchTermStat.countDocuments({ _id: "l:slowo0" })).toBe(1);
}, 60_000);
