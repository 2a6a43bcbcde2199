// The search relevance set: Polish queries (inflected forms, missing diacritics, several words, names) against the
// corpus of test/support/searchCorpus.ts, each expecting one document in the top 5; and no query returning what
// the person searching may not read. Runs the engine in-process on the test database (no HTTP: the API test covers
// the route).
import mongoose from "mongoose";
import { searchQuerySchema, type SearchResults } from "@forum/shared";
import { connectDatabase, disconnectDatabase } from "../../server/src/db/connectDatabase.js";
import "../../server/src/models/index.js";
import { SearchEntry } from "../../server/src/models/SearchEntry.js";
import { User } from "../../server/src/models/User.js";
import { loadActor, type Actor } from "../../server/src/policies/actor.js";
import { search } from "../../server/src/queries/searchEngine.js";
import { rebuildSearchIndex, searchIndexIdle, startSearchIndexer } from "../../server/src/subscribers/searchIndexer.js";
import { seedSearchCorpus, type Audience, type SearchCorpus } from "../support/searchCorpus.js";
import { testClientOptions, testDatabaseName, testMongoUri } from "../support/testDatabase.js";

let corpus: SearchCorpus;
const actors: Partial<Record<"anna" | "marek" | "expert", Actor>> = {};
let stopIndexer: () => void;
const indexingErrors: unknown[] = [];

const actorOf = async (id: mongoose.Types.ObjectId) => loadActor((await User.findById(id).lean())!);

beforeAll(async () => {
  await connectDatabase(testMongoUri(), { dbName: testDatabaseName("relevance"), ...testClientOptions() });
  await SearchEntry.init();
  stopIndexer = startSearchIndexer({ error: (details: unknown) => indexingErrors.push(details) });
  corpus = await seedSearchCorpus();
  await searchIndexIdle();
  actors.anna = await actorOf(corpus.users.anna);
  actors.marek = await actorOf(corpus.users.marek);
  actors.expert = await actorOf(corpus.users.expert);
}, 120_000);
afterAll(async () => {
  stopIndexer?.();
  await mongoose.connection.db?.dropDatabase().catch(() => undefined);
  await disconnectDatabase();
});

const run = (actor: Actor | null, q: string, extra: Record<string, string> = {}): Promise<SearchResults> =>
  search(actor, searchQuerySchema.parse({ q, ...extra }));
const idOf = (key: string) => corpus.items.get(key)!.id;
const top = (results: SearchResults, count = 5) => results.hits.slice(0, count).map((hit) => hit.id);

/** [query, the key of the document expected in the top 5] — searched as Anna, a member of group A. */
const RELEVANCE_SET: [string, string][] = [
  ["dowozy uczniów", "t1"],
  ["dowóz", "t1"],
  ["dowozu dzieci niepełnosprawnych", "t1p2"],
  ["autobus szkolny", "t1"],
  ["szkoła podstawowa", "t1"],
  ["szkol", "t1"],
  ["szkołach na wsi", "t2p1"],
  ["subwencji oświatowej", "t2"],
  ["subwencja oswiatowa", "t2"],
  ["płac nauczycieli", "t2"],
  ["wynagrodzenia nauczycieli", "a1"],
  ["jakość edukacji", "t3"],
  ["jakosci przedszkoli", "t3"],
  ["ewaluacja zewnętrzna", "t3"],
  ["szkolenia dyrektorów", "t4"],
  ["dyrektor szkoły", "t4"],
  ["przywództwo edukacyjne", "t4"],
  ["kompetencje cyfrowe", "t5"],
  ["kompetencji cyfrowych", "t5"],
  ["drukarka 3D", "t5"],
  ["laboratoria przyszlosci", "t5"],
  ["przetarg na dowóz", "t1p1"],
  ["lokalne koalicje", "n1"],
  ["organizacje pozarządowe", "n1"],
  ["procedury kryzysowe", "n2"],
  ["cyberprzemoc", "n2"],
  ["diagnoza potrzeb uczniów", "p1"],
  ["doradcy metodyczni", "p1"],
  ["budżet partycypacyjny", "p2"],
  ["budzetu powiatu", "p2"],
  ["plan poprawy jakości", "p5"],
  ["egzaminy i frekwencja", "p5"],
  ["finansowanie oświaty", "a1"],
  ["kompetencje obywatelskie", "a2"],
  ["przedsiębiorczość", "a2"],
  ["Kowalska", "person:anna"],
  ["Zofia Łukaszewicz", "person:zofia"],
  ["lukaszewicz", "person:zofia"],
  ["dyrektor centrum usług wspólnych", "person:zofia"],
  ["diagnoza oświaty lokalnej", "tag:diagnoza-oswiaty-lokalnej"],
  ["finansowanie i budzet", "tag:finansowanie-i-budzet"],
];

/** Who may find a document of each audience. */
const mayFind: Record<"anna" | "marek" | "visitor", Set<Audience>> = {
  anna: new Set(["public", "members", "groupA"]),
  marek: new Set(["public", "members", "groupB"]),
  visitor: new Set(["public"]),
};

function expectOnlyReadable(results: SearchResults, who: keyof typeof mayFind): void {
  const allowed = mayFind[who];
  for (const hit of results.hits) {
    const item = [...corpus.items.values()].find((candidate) => candidate.id === hit.id && candidate.kind === hit.kind);
    const audience = item?.audience ?? "nobody";
    if (!allowed.has(audience))
      throw new Error(`${who} found ${hit.kind} "${hit.title}" (${audience}) for "${results.query}"`);
  }
}

describe("the relevance set", () => {
  it("has at least 30 queries", () => {
    expect(RELEVANCE_SET.length).toBeGreaterThanOrEqual(30);
  });

  it.each(RELEVANCE_SET)("„%s” finds %s in the top 5", async (query, key) => {
    const results = await run(actors.anna!, query);
    expect(top(results)).toContain(idOf(key));
    expectOnlyReadable(results, "anna");
  });

  // The embedded FerretDB on SQLite gets the whole query at once (see CandidateStrategy): same answers expected.
  it("finds the same documents when the engine asks once, as it does on the embedded database", async () => {
    for (const [query, key] of RELEVANCE_SET) {
      const results = await search(actors.anna!, searchQuerySchema.parse({ q: query }), { strategy: "singleScan" });
      expect({ query, found: top(results).includes(idOf(key)) }).toEqual({ query, found: true });
      expectOnlyReadable(results, "anna");
    }
  });

  it("indexed every event without an error", () => {
    expect(indexingErrors).toEqual([]);
  });
});

describe("what each person may find", () => {
  it("never shows a member another group's threads, people not listed there, drafts or hidden posts", async () => {
    for (const query of ["Bolesławiec", "stypendia", "Jerzy Żółkiewski", "skarbnik"]) {
      expect((await run(actors.anna!, query)).hits).toEqual([]);
    }
    // Only "szkół" matches in group A: the answer falls back to any word, still without group B's thread.
    const partly = await run(actors.anna!, "szkół filialnych");
    expect(partly.hits.length).toBeGreaterThan(0);
    expect(top(partly, 50)).not.toContain(idOf("tb1"));
    expectOnlyReadable(partly, "anna");
    for (const query of ["ranking dyrektorów", "mentoring nauczycieli", "zielona szkoła ekologiczna", "absencja"]) {
      const results = await run(actors.anna!, query);
      for (const key of ["t3hidden", "p3", "p4", "a3"]) expect(top(results, 50)).not.toContain(idOf(key));
      expectOnlyReadable(results, "anna");
    }
  });

  it("shows the other group's member their own group and their unlisted colleague", async () => {
    expect(top(await run(actors.marek!, "szkół filialnych"))).toContain(idOf("tb1"));
    expect(top(await run(actors.marek!, "Żółkiewski"))).toContain(idOf("person:jerzy"));
    for (const [query] of RELEVANCE_SET) expectOnlyReadable(await run(actors.marek!, query), "marek");
  });

  it("lets experts find every group's threads", async () => {
    const results = await run(actors.expert!, "szkół filialnych Bolesławiec");
    expect(top(results)).toContain(idOf("tb1"));
  });

  it("shows visitors public practices and analyses only", async () => {
    expect(top(await run(null, "plan poprawy jakości"))).toContain(idOf("p5"));
    expect(top(await run(null, "kompetencje obywatelskie"))).toContain(idOf("a2"));
    for (const [query] of RELEVANCE_SET) expectOnlyReadable(await run(null, query), "visitor");
    expect((await run(null, "finansowanie oświaty")).hits.map((hit) => hit.id)).not.toContain(idOf("a1"));
  });
});

describe("a full rebuild", () => {
  it("writes the same entries the events did", async () => {
    const before = await SearchEntry.countDocuments();
    expect(before).toBe(28);
    expect(await rebuildSearchIndex()).toBe(before);
    expect(top(await run(actors.anna!, "dowozy uczniów"))).toContain(idOf("t1"));
  });
});
