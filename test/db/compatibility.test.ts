// Every database operation the compatibility contract in shared/design/STACK.md allows, run
// against whichever server the chain found (MongoDB, FerretDB or MONGODB_URI). If one of these
// fails on FerretDB, the contract is wrong or the server changed: fix the contract first.
// The "FerretDB deviation" tests pin down what FerretDB 1.24 gets wrong inside the contract's
// words, so that code keeps away from it; they fail (on purpose) once FerretDB behaves.
import mongoose, { Schema, type AccumulatorOperator, type Connection, type Model, type Types } from "mongoose";
import { isDuplicateKeyError } from "../../server/src/db/duplicateKey.js";
import { testClientOptions, testDatabaseKind, testDatabaseName, testMongoUri } from "../support/testDatabase.js";

const onFerretDb = testDatabaseKind() === "ferretdb";

interface Member {
  email: string;
  name: string;
  municipality: string;
  postCount: number;
  roles: string[];
  tags: string[];
  scores: number[];
  note?: string;
  joinedVia?: string;
}

interface Topic {
  groupSlug: string;
  slug: string;
  title: string;
  author: Types.ObjectId;
  sequence: number;
  tags: string[];
  replies: number;
  views: number;
}

let connection: Connection;
let Members: Model<Member>;
let Topics: Model<Topic>;

beforeAll(async () => {
  connection = await mongoose
    .createConnection(testMongoUri(), {
      dbName: testDatabaseName("compat"),
      autoIndex: false,
      ...testClientOptions(),
    })
    .asPromise();

  const memberSchema = new Schema<Member>({
    email: { type: String, required: true, unique: true },
    name: { type: String, required: true },
    municipality: { type: String, required: true },
    postCount: { type: Number, default: 0 },
    roles: { type: [String], default: [] },
    tags: { type: [String], default: [] },
    scores: { type: [Number], default: [] },
    note: String,
    joinedVia: String,
  });
  memberSchema.index({ municipality: 1, name: 1 });
  Members = connection.model<Member>("Member", memberSchema);

  const topicSchema = new Schema<Topic>({
    groupSlug: { type: String, required: true },
    slug: { type: String, required: true },
    title: { type: String, required: true },
    author: { type: Schema.Types.ObjectId, ref: "Member", required: true },
    sequence: { type: Number, required: true, index: true },
    tags: { type: [String], default: [] },
    replies: { type: Number, default: 0 },
    views: { type: Number, default: 0 },
  });
  topicSchema.index({ groupSlug: 1, slug: 1 }, { unique: true });
  Topics = connection.model<Topic>("Topic", topicSchema);

  await Members.createIndexes();
  await Topics.createIndexes();
});

afterAll(async () => {
  await connection?.dropDatabase();
  await connection?.close();
});

function member(email: string, overrides: Partial<Member> = {}): Partial<Member> {
  return { email, name: email.split("@")[0]!, municipality: "Gmina Testowa", ...overrides };
}

test("the chain reported which server this is", () => {
  expect(["external", "embedded-mongodb", "ferretdb"]).toContain(testDatabaseKind());
});

describe("CRUD", () => {
  test("create, read, update, delete", async () => {
    const created = await Members.create(member("crud@example.pl", { roles: ["member"] }));
    expect(created._id).toBeDefined();

    const found = await Members.findById(created._id).lean();
    expect(found).toMatchObject({ email: "crud@example.pl", name: "crud", roles: ["member"], postCount: 0 });

    const updated = await Members.updateOne({ _id: created._id }, { name: "Anna Nowak" });
    expect(updated.matchedCount).toBe(1);
    expect(updated.modifiedCount).toBe(1);
    expect((await Members.findById(created._id).lean())?.name).toBe("Anna Nowak");

    const deleted = await Members.deleteOne({ _id: created._id });
    expect(deleted.deletedCount).toBe(1);
    expect(await Members.findById(created._id)).toBeNull();
  });

  test("insertMany, find with filter, sort, projection, deleteMany", async () => {
    await Members.insertMany([
      member("many1@example.pl", { municipality: "Powiat A", name: "Celina" }),
      member("many2@example.pl", { municipality: "Powiat A", name: "Adam" }),
      member("many3@example.pl", { municipality: "Powiat B", name: "Bogdan" }),
    ]);
    const inA = await Members.find({ municipality: "Powiat A" }, { name: 1, _id: 0 }).sort({ name: 1 }).lean();
    expect(inA).toEqual([{ name: "Adam" }, { name: "Celina" }]);

    const inList = await Members.find({ email: { $in: ["many1@example.pl", "many3@example.pl"] } })
      .sort({ email: -1 })
      .lean();
    expect(inList.map((doc) => doc.email)).toEqual(["many3@example.pl", "many1@example.pl"]);

    const removed = await Members.deleteMany({ email: /^many\d@example\.pl$/ });
    expect(removed.deletedCount).toBe(3);
  });
});

describe("indexes", () => {
  test("unique and compound indexes exist as declared", async () => {
    const memberIndexes = await Members.collection.indexes();
    expect(memberIndexes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ key: { email: 1 }, unique: true }),
        expect.objectContaining({ key: { municipality: 1, name: 1 } }),
      ]),
    );
    const topicIndexes = await Topics.collection.indexes();
    expect(topicIndexes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ key: { groupSlug: 1, slug: 1 }, unique: true }),
        expect.objectContaining({ key: { sequence: 1 } }),
      ]),
    );
  });

  test("a unique index rejects a duplicate insert or upsert with code 11000", async () => {
    await Members.create(member("unique@example.pl"));
    await expect(Members.create(member("unique@example.pl", { name: "other" }))).rejects.toMatchObject({
      code: 11000,
    });
    await expect(
      Members.updateOne(
        { email: "unique@example.pl", name: "no such name" },
        { $setOnInsert: { name: "x", municipality: "y" } },
        { upsert: true },
      ),
    ).rejects.toMatchObject({ code: 11000 });
    expect(await Members.countDocuments({ email: "unique@example.pl" })).toBe(1);
  });

  test("an update into a duplicate fails and isDuplicateKeyError recognises it", async () => {
    await Members.create(member("taken@example.pl"));
    const second = await Members.create(member("taken2@example.pl"));
    const updateError = await Members.updateOne({ _id: second._id }, { $set: { email: "taken@example.pl" } }).catch(
      (error: unknown) => error,
    );
    expect(isDuplicateKeyError(updateError)).toBe(true);
    const findAndModifyError = await Members.findOneAndUpdate(
      { _id: second._id },
      { $set: { email: "taken@example.pl" } },
    ).catch((error: unknown) => error);
    expect(isDuplicateKeyError(findAndModifyError)).toBe(true);
    expect((await Members.findById(second._id).lean())?.email).toBe("taken2@example.pl");
  });

  (onFerretDb ? test : test.skip)("FerretDB deviation: an update into a duplicate is code 1, not 11000", async () => {
    await Members.create(member("dev-taken@example.pl"));
    const second = await Members.create(member("dev-taken2@example.pl"));
    await expect(
      Members.updateOne({ _id: second._id }, { $set: { email: "dev-taken@example.pl" } }),
    ).rejects.toMatchObject({
      code: 1,
      // SQLite's or PostgreSQL's message, by FerretDB's backend (see db/duplicateKey.ts).
      message: expect.stringMatching(/UNIQUE constraint failed|SQLSTATE 23505/),
    });
  });

  test("a unique compound index allows the same slug in another group only", async () => {
    const author = await Members.create(member("slugs@example.pl"));
    const topic = { slug: "budzet", title: "Budżet", author: author._id, sequence: 1000 };
    await Topics.create({ ...topic, groupSlug: "grupa-a" });
    await Topics.create({ ...topic, groupSlug: "grupa-b", sequence: 1001 });
    await expect(Topics.create({ ...topic, groupSlug: "grupa-a", sequence: 1002 })).rejects.toMatchObject({
      code: 11000,
    });
    expect(await Topics.countDocuments({ slug: "budzet" })).toBe(2);
  });

  test("insertMany with a duplicate reports 11000 and keeps the others (unordered)", async () => {
    await Members.create(member("idem@example.pl"));
    const attempt = Members.insertMany(
      [member("idem-new@example.pl"), member("idem@example.pl"), member("idem-new2@example.pl")],
      { ordered: false },
    );
    await expect(attempt).rejects.toMatchObject({ code: 11000 });
    expect(await Members.countDocuments({ email: /^idem/ })).toBe(3);
  });
});

describe("update operators", () => {
  let id: Types.ObjectId;

  beforeEach(async () => {
    const doc = await Members.create(
      member(`ops-${new mongoose.Types.ObjectId().toHexString()}@example.pl`, {
        roles: ["member"],
        tags: ["oswiata", "budzet", "kadry"],
        scores: [1, 2, 3, 2],
        note: "do usunięcia",
      }),
    );
    id = doc._id;
  });

  const reload = async (): Promise<Member> => (await Members.findById(id).lean())!;

  test("$inc, also as an atomic counter under concurrency (with the handle's client options)", async () => {
    await Members.updateOne({ _id: id }, { $inc: { postCount: 5 } });
    await Members.updateOne({ _id: id }, { $inc: { postCount: -2 } });
    expect((await reload()).postCount).toBe(3);
    await Promise.all(Array.from({ length: 25 }, () => Members.updateOne({ _id: id }, { $inc: { postCount: 1 } })));
    expect((await reload()).postCount).toBe(28);
  });

  test("$set and $unset", async () => {
    await Members.updateOne({ _id: id }, { $set: { name: "Ewa", municipality: "Miasto" }, $unset: { note: "" } });
    const doc = await reload();
    expect(doc).toMatchObject({ name: "Ewa", municipality: "Miasto" });
    expect(doc).not.toHaveProperty("note");
  });

  test("$push with $each appends in order", async () => {
    await Members.updateOne({ _id: id }, { $push: { roles: "moderator" } });
    await Members.updateOne({ _id: id }, { $push: { roles: { $each: ["editor", "admin"] } } });
    expect((await reload()).roles).toEqual(["member", "moderator", "editor", "admin"]);
  });

  test("$addToSet adds only what is missing, also with $each", async () => {
    await Members.updateOne({ _id: id }, { $addToSet: { tags: "budzet" } });
    await Members.updateOne({ _id: id }, { $addToSet: { tags: "inwestycje" } });
    await Members.updateOne({ _id: id }, { $addToSet: { tags: { $each: ["kadry", "transport", "inwestycje"] } } });
    expect((await reload()).tags).toEqual(["oswiata", "budzet", "kadry", "inwestycje", "transport"]);
  });

  test("$pull by value removes every equal element; $pullAll several values", async () => {
    await Members.updateOne({ _id: id }, { $pull: { tags: "budzet" } });
    expect((await reload()).tags).toEqual(["oswiata", "kadry"]);
    await Members.updateOne({ _id: id }, { $pull: { scores: 2 } });
    expect((await reload()).scores).toEqual([1, 3]);
    await Members.updateOne({ _id: id }, { $pullAll: { scores: [3, 9] } });
    expect((await reload()).scores).toEqual([1]);
  });

  test(`$pull with a condition ${onFerretDb ? "is silently ignored (FerretDB deviation)" : "removes matches"}`, async () => {
    const result = await Members.updateOne({ _id: id }, { $pull: { scores: { $gte: 3 } } });
    expect(result.matchedCount).toBe(1);
    expect((await reload()).scores).toEqual(onFerretDb ? [1, 2, 3, 2] : [1, 2, 2]);
  });

  test("$pop removes the last (1) or the first (-1) element", async () => {
    await Members.updateOne({ _id: id }, { $pop: { tags: 1 } });
    expect((await reload()).tags).toEqual(["oswiata", "budzet"]);
    await Members.updateOne({ _id: id }, { $pop: { tags: -1 } });
    expect((await reload()).tags).toEqual(["budzet"]);
  });
});

describe("upserts", () => {
  test("updateOne with upsert inserts once, then updates; $setOnInsert only on insert", async () => {
    const filter = { email: "upsert@example.pl" };
    const update = {
      $setOnInsert: { name: "Nowy", municipality: "Gmina U", joinedVia: "import" },
      $inc: { postCount: 1 },
    };
    const first = await Members.updateOne(filter, update, { upsert: true });
    expect(first.upsertedCount).toBe(1);
    expect(first.upsertedId).toBeDefined();

    const second = await Members.updateOne(
      filter,
      { $setOnInsert: { joinedVia: "other" }, $inc: { postCount: 1 } },
      { upsert: true },
    );
    expect(second.upsertedCount).toBe(0);
    expect(second.matchedCount).toBe(1);

    const doc = await Members.findOne(filter).lean();
    expect(doc).toMatchObject({ name: "Nowy", joinedVia: "import", postCount: 2 });
    expect(await Members.countDocuments(filter)).toBe(1);
  });

  test("findOneAndUpdate returns the document before or after, and upserts", async () => {
    await Members.create(member("foau@example.pl", { postCount: 10 }));
    const before = await Members.findOneAndUpdate(
      { email: "foau@example.pl" },
      { $inc: { postCount: 1 } },
      { returnDocument: "before" },
    ).lean();
    expect(before?.postCount).toBe(10);
    const after = await Members.findOneAndUpdate(
      { email: "foau@example.pl" },
      { $inc: { postCount: 1 } },
      { returnDocument: "after" },
    ).lean();
    expect(after?.postCount).toBe(12);

    const missing = await Members.findOneAndUpdate({ email: "nobody@example.pl" }, { $set: { name: "x" } }).lean();
    expect(missing).toBeNull();

    const upserted = await Members.findOneAndUpdate(
      { email: "foau-new@example.pl" },
      { $setOnInsert: { name: "Nowa", municipality: "Gmina F" }, $inc: { postCount: 1 } },
      { upsert: true, returnDocument: "after" },
    ).lean();
    expect(upserted).toMatchObject({ email: "foau-new@example.pl", name: "Nowa", postCount: 1 });
  });
});

describe("counting and aggregation", () => {
  let authorIds: Types.ObjectId[];

  beforeAll(async () => {
    const authors = await Members.insertMany([
      member("agg-ala@example.pl", { name: "Ala", municipality: "Agg Północ" }),
      member("agg-bartek@example.pl", { name: "Bartek", municipality: "Agg Północ" }),
      member("agg-celina@example.pl", { name: "Celina", municipality: "Agg Południe" }),
    ]);
    authorIds = authors.map((author) => author._id);
    const [ala, bartek, celina] = authorIds as [Types.ObjectId, Types.ObjectId, Types.ObjectId];
    await Topics.insertMany([
      {
        groupSlug: "agg",
        slug: "t1",
        title: "Jeden",
        author: ala,
        sequence: 1,
        tags: ["budzet", "oswiata"],
        replies: 4,
        views: 10,
      },
      { groupSlug: "agg", slug: "t2", title: "Dwa", author: ala, sequence: 2, tags: ["budzet"], replies: 1, views: 5 },
      {
        groupSlug: "agg",
        slug: "t3",
        title: "Trzy",
        author: bartek,
        sequence: 3,
        tags: ["oswiata"],
        replies: 0,
        views: 7,
      },
      { groupSlug: "agg", slug: "t4", title: "Cztery", author: celina, sequence: 4, tags: [], replies: 2, views: 1 },
      {
        groupSlug: "inna",
        slug: "t5",
        title: "Pięć",
        author: celina,
        sequence: 5,
        tags: ["kadry"],
        replies: 9,
        views: 9,
      },
    ]);
  });

  test("countDocuments with and without a filter", async () => {
    expect(await Topics.countDocuments({ groupSlug: "agg" })).toBe(4);
    expect(await Topics.countDocuments({ groupSlug: "agg", replies: { $gt: 0 } })).toBe(3);
    expect(await Topics.countDocuments({ groupSlug: "none" })).toBe(0);
  });

  test("$match $sort $skip $limit $project", async () => {
    const rows = await Topics.aggregate<{ title: string; replies: number }>([
      { $match: { groupSlug: "agg" } },
      { $sort: { views: -1 } },
      { $skip: 1 },
      { $limit: 2 },
      { $project: { _id: 0, title: 1, replies: 1 } },
    ]);
    expect(rows).toEqual([
      { title: "Trzy", replies: 0 },
      { title: "Dwa", replies: 1 },
    ]);
  });

  /** Per author, sorted by author id: one `$group` accumulator per pipeline (see the deviation below). */
  async function perAuthor(accumulator: AccumulatorOperator): Promise<[string, number][]> {
    const rows = await Topics.aggregate<{ _id: Types.ObjectId; value: number }>([
      { $match: { groupSlug: "agg" } },
      { $group: { _id: "$author", value: accumulator } },
      { $sort: { _id: 1 } },
    ]);
    return rows.map((row) => [String(row._id), row.value]);
  }

  test("$group with $sum of a field", async () => {
    expect(await perAuthor({ $sum: "$replies" })).toEqual([
      [String(authorIds[0]), 5],
      [String(authorIds[1]), 0],
      [String(authorIds[2]), 2],
    ]);
  });

  test("$group with $sum: 1 and with $count", async () => {
    const expected = [
      [String(authorIds[0]), 2],
      [String(authorIds[1]), 1],
      [String(authorIds[2]), 1],
    ];
    expect(await perAuthor({ $sum: 1 })).toEqual(expected);
    expect(await perAuthor({ $count: {} })).toEqual(expected);
  });

  test(`$group with two accumulators ${onFerretDb ? "computes only the first (FerretDB deviation)" : "computes both"}`, async () => {
    const rows = await Topics.aggregate<{ _id: null; topics: number; replies: number }>([
      { $match: { groupSlug: "agg" } },
      { $group: { _id: null, topics: { $sum: 1 }, replies: { $sum: "$replies" } } },
    ]);
    expect(rows).toEqual([{ _id: null, topics: 4, replies: onFerretDb ? 0 : 7 }]);
  });

  test("$unwind then $group counts topics per tag", async () => {
    const rows = await Topics.aggregate<{ _id: string; topics: number }>([
      { $match: { groupSlug: "agg" } },
      { $unwind: "$tags" },
      { $group: { _id: "$tags", topics: { $sum: 1 } } },
      { $sort: { topics: -1, _id: 1 } },
    ]);
    expect(rows).toEqual([
      { _id: "budzet", topics: 2 },
      { _id: "oswiata", topics: 2 },
    ]);
  });

  test("the $count stage", async () => {
    const rows = await Topics.aggregate<{ busy: number }>([
      { $match: { groupSlug: "agg", replies: { $gte: 1 } } },
      { $count: "busy" },
    ]);
    expect(rows).toEqual([{ busy: 3 }]);
  });

  test("mongoose populate fills references with separate queries", async () => {
    const topics = await Topics.find({ groupSlug: "agg" })
      .sort({ sequence: 1 })
      .populate<{ author: Member }>("author", "name municipality")
      .lean();
    expect(topics.map((topic) => [topic.title, topic.author.name, topic.author.municipality])).toEqual([
      ["Jeden", "Ala", "Agg Północ"],
      ["Dwa", "Ala", "Agg Północ"],
      ["Trzy", "Bartek", "Agg Północ"],
      ["Cztery", "Celina", "Agg Południe"],
    ]);
  });
});

describe("cursor pagination on an indexed field", () => {
  const group = "pages";
  const total = 23;

  beforeAll(async () => {
    const author = await Members.create(member("pages@example.pl"));
    // Inserted out of order, so a correct result must come from the sort, not insertion order.
    const sequences = Array.from({ length: total }, (_, index) => 10_000 + ((index * 7) % total));
    await Topics.insertMany(
      sequences.map((sequence) => ({
        groupSlug: group,
        slug: `s${sequence}`,
        title: `Temat ${sequence}`,
        author: author._id,
        sequence,
      })),
    );
  });

  async function collectPages(direction: 1 | -1, pageSize: number): Promise<number[][]> {
    const pages: number[][] = [];
    let after: number | undefined;
    for (;;) {
      const filter: Record<string, unknown> = { groupSlug: group };
      if (after !== undefined) filter.sequence = direction === 1 ? { $gt: after } : { $lt: after };
      const page = await Topics.find(filter, { sequence: 1 }).sort({ sequence: direction }).limit(pageSize).lean();
      if (page.length === 0) return pages;
      pages.push(page.map((topic) => topic.sequence));
      after = page.at(-1)!.sequence;
    }
  }

  test("forward pages cover every document once, in order", async () => {
    const pages = await collectPages(1, 10);
    expect(pages.map((page) => page.length)).toEqual([10, 10, 3]);
    expect(pages.flat()).toEqual(Array.from({ length: total }, (_, index) => 10_000 + index));
  });

  test("backward pages (newest first) too", async () => {
    const pages = await collectPages(-1, 5);
    expect(pages.map((page) => page.length)).toEqual([5, 5, 5, 5, 3]);
    expect(pages.flat()).toEqual(Array.from({ length: total }, (_, index) => 10_000 + total - 1 - index));
  });

  test("a page written during paging neither repeats nor skips older entries", async () => {
    const first = await Topics.find({ groupSlug: group }).sort({ sequence: 1 }).limit(5).lean();
    const author = first[0]!.author;
    await Topics.create({ groupSlug: group, slug: "late", title: "Późny", author, sequence: 9_000 });
    const rest = await Topics.find({ groupSlug: group, sequence: { $gt: first.at(-1)!.sequence } })
      .sort({ sequence: 1 })
      .lean();
    const seen = [...first, ...rest].map((topic) => topic.sequence);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toHaveLength(total);
    expect(seen).not.toContain(9_000);
  });

  test("a mongoose query cursor streams the same order", async () => {
    const streamed: number[] = [];
    for await (const topic of Topics.find({ groupSlug: group, sequence: { $gte: 10_000 } })
      .sort({ sequence: 1 })
      .batchSize(4)
      .cursor()) {
      streamed.push(topic.sequence);
    }
    expect(streamed).toEqual(Array.from({ length: total }, (_, index) => 10_000 + index));
  });
});
