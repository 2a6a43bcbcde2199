// The search relevance set (test/support/searchRelevanceSet.ts: Polish queries — every case, no diacritics, typos,
// several words, names, JST names — against the corpus of test/support/searchCorpus.ts), the examples, what
// the cost of a query is, and no query returning what the person searching may not read. Runs the engine in-process
// on the test database (no HTTP: the API test covers the route).
import mongoose from "mongoose";
import { searchQuerySchema, type SearchResults } from "@forum/shared";
import { anyOf } from "../../server/src/db/anyOf.js";
import { connectDatabase, disconnectDatabase } from "../../server/src/db/connectDatabase.js";
import { forumScope, indexedEntry } from "../../server/src/domain/searchDocuments.js";
import "../../server/src/models/index.js";
import { SearchEntry } from "../../server/src/models/SearchEntry.js";
import { SEARCH_INDEX_STATE_ID, SearchIndexState } from "../../server/src/models/SearchIndexState.js";
import { SearchPosting } from "../../server/src/models/SearchPosting.js";
import { SEARCH_ENTRY_COUNT_ID, SearchTermStat } from "../../server/src/models/SearchTermStat.js";
import { User } from "../../server/src/models/User.js";
import { loadActor, type Actor } from "../../server/src/policies/actor.js";
import {
  search,
  SEARCH_CANDIDATE_LIMIT,
  SEARCH_PAGE_SIZE,
  type CandidateStrategy,
} from "../../server/src/queries/searchEngine.js";
import {
  addToSearchIndex,
  ensureSearchIndex,
  rebuildSearchIndex,
  SEARCH_FORMAT_VERSION,
  searchIndexIdle,
  startSearchIndexer,
} from "../../server/src/subscribers/searchIndexer.js";
import { recordRoundTrips } from "../support/roundTrips.js";
import { seedSearchCorpus, type Audience, type SearchCorpus } from "../support/searchCorpus.js";
import { measureRelevance, RELEVANCE_SET, RELEVANCE_TARGET } from "../support/searchRelevanceSet.js";
import { testClientOptions, testDatabaseName, testMongoUri } from "../support/testDatabase.js";

let corpus: SearchCorpus;
const actors: Partial<Record<"anna" | "marek" | "expert", Actor>> = {};
let stopIndexer: () => void;
const indexingErrors: unknown[] = [];
/** Loops over the whole set run several hundred searches. */
const SET_TIMEOUT = 240_000;

const actorOf = async (id: mongoose.Types.ObjectId) => loadActor((await User.findById(id).lean())!);

beforeAll(async () => {
  await connectDatabase(testMongoUri(), {
    dbName: testDatabaseName("relevance"),
    ...testClientOptions(),
    monitorCommands: true,
  });
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

const run = (
  actor: Actor | null,
  q: string,
  extra: Record<string, string> = {},
  strategy: CandidateStrategy = "indexed",
): Promise<SearchResults> => search(actor, searchQuerySchema.parse({ q, ...extra }), { strategy });
const idOf = (key: string) => corpus.items.get(key)!.id;
const top = (results: SearchResults, count = 5) => results.hits.slice(0, count).map((hit) => hit.id);

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
  it("has at least 120 queries, each naming an item of the corpus", () => {
    expect(RELEVANCE_SET.length).toBeGreaterThanOrEqual(120);
    for (const [, key] of RELEVANCE_SET) expect(corpus.items.has(key)).toBe(true);
  });

  // The embedded FerretDB on SQLite is asked once per query (see CandidateStrategy): the same quality expected.
  it.each<CandidateStrategy>(["indexed", "singleScan"])(
    `keeps hits@5 at ${RELEVANCE_TARGET} or more (%s), never showing Anna what she may not read`,
    async (strategy) => {
      const report = await measureRelevance(corpus, async (query) => {
        const results = await run(actors.anna!, query, {}, strategy);
        expectOnlyReadable(results, "anna");
        return results;
      });
      const missed = report.ranks.filter(({ rank }) => rank === null || rank > 5);
      console.log(
        `relevance (${strategy}): ${report.queries} queries, hits@5 ${report.hitsAt5.toFixed(3)}, ` +
          `MRR ${report.meanReciprocalRank.toFixed(3)}; outside the top 5: ${JSON.stringify(missed)}`,
      );
      expect(report.hitsAt5).toBeGreaterThanOrEqual(RELEVANCE_TARGET);
    },
    SET_TIMEOUT,
  );

  it("indexed every event without an error", () => {
    expect(indexingErrors).toEqual([]);
  });
});

describe("the issue's examples", () => {
  it.each(["oświata", "oswiata", "oświacie", "oświatą"])(
    "„%s” finds the thread „Finansowanie oświaty”, above the tags and people that mention the word",
    async (query) => {
      const results = await run(actors.anna!, query);
      expect(top(results)).toContain(idOf("t6"));
      const thread = results.hits.findIndex((hit) => hit.id === idOf("t6"));
      const firstCard = results.hits.findIndex((hit) => hit.kind === "tag" || hit.kind === "person");
      if (firstCard >= 0) expect(thread).toBeLessThan(firstCard);
    },
  );

  it("„szkołach wiejskich” finds the thread about „szkoła wiejska”", async () => {
    expect(top(await run(actors.anna!, "szkołach wiejskich"))).toContain(idOf("t7"));
  });

  it("finds every form of a word whose stem alternates (Karta/Karcie, Rada/Radzie)", async () => {
    expect(top(await run(actors.anna!, "Karta Nauczyciela"), 1)).toEqual([idOf("t8")]);
    expect(top(await run(actors.anna!, "rada miejska"), 1)).toEqual([idOf("t9")]);
    expect(top(await run(actors.anna!, "radzie rodziców"), 1)).toEqual([idOf("t12")]);
  });

  it("„dowuz” finds „dowóz” and says what it searched for", async () => {
    const results = await run(actors.anna!, "dowuz");
    expect(results.correctedQuery).toBe("dowóz");
    expect(top(results)).toContain(idOf("t1"));
    const twoWords = await run(actors.anna!, "dowuz uczniów");
    expect(twoWords.correctedQuery).toBe("dowóz uczniów");
    expect(top(twoWords, 1)).toEqual([idOf("t1")]);
    // A word spelled right is searched as typed.
    expect((await run(actors.anna!, "dowóz")).correctedQuery).toBeNull();
  });

  it("keeps items with fewer of the query's words, below those with all of them", async () => {
    // No item has "zimą": everything with "dowóz" or "uczniów" stays, t1 (both) first.
    const results = await run(actors.anna!, "dowóz uczniów zimą");
    expect(top(results, 1)).toEqual([idOf("t1")]);
    expect(results.hits.map((hit) => hit.id)).toEqual(expect.arrayContaining([idOf("t1p1"), idOf("t2p1")]));
    // "Karta" only in t8; "nauczycieli" in others: t8, with both words, leads; the others follow.
    const partial = await run(actors.anna!, "karta nauczycieli");
    expect(top(partial, 1)).toEqual([idOf("t8")]);
    expect(partial.hits.map((hit) => hit.id)).toContain(idOf("t2"));
  });

  it("puts a person's or tag's card first when the query is their name, below discussions otherwise", async () => {
    expect(top(await run(actors.anna!, "Zofia Łukaszewicz"), 1)).toEqual([idOf("person:zofia")]);
    expect(top(await run(actors.anna!, "finansowanie i budżet"), 1)).toEqual([idOf("tag:finansowanie-i-budzet")]);
    const topic = await run(actors.anna!, "finansowanie");
    expect(topic.hits[0]!.kind).not.toBe("tag");
  });

  it("orders hits with the same words by relevance, not by date", async () => {
    // Every hit has the one word: the title's hit first, then by score, whatever their dates.
    const results = await run(actors.anna!, "dyrektorów");
    expect(top(results, 1)).toEqual([idOf("t4")]);
    const scores = results.hits.map((hit) => hit.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });
});

describe("what each person may find", () => {
  it("never shows a member another group's threads, people not listed there, drafts or hidden posts", async () => {
    for (const query of ["Bolesławiec", "stypendia", "Jerzy Żółkiewski", "skarbnik"]) {
      expect({ query, hits: (await run(actors.anna!, query)).hits }).toEqual({ query, hits: [] });
    }
    // Only "szkół" matches in group A: the answer has what has any word, still without group B's thread.
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

  it("corrects a typo only to what the person may read", async () => {
    // "stypendja" is one edit from group B's "stypendia": Anna is not told, Marek is.
    expect(await run(actors.anna!, "stypendja")).toMatchObject({ hits: [], correctedQuery: null });
    const marek = await run(actors.marek!, "stypendja");
    expect(marek.correctedQuery).toBe("stypendia");
    expect(top(marek)).toContain(idOf("tb2"));
  });

  it(
    "shows the other group's member their own group and their unlisted colleague, and nothing of group A",
    async () => {
      expect(top(await run(actors.marek!, "szkół filialnych"))).toContain(idOf("tb1"));
      expect(top(await run(actors.marek!, "Żółkiewski"))).toContain(idOf("person:jerzy"));
      for (const [query] of RELEVANCE_SET) expectOnlyReadable(await run(actors.marek!, query), "marek");
    },
    SET_TIMEOUT,
  );

  it("lets experts find every group's threads", async () => {
    const results = await run(actors.expert!, "szkół filialnych Bolesławiec");
    expect(top(results)).toContain(idOf("tb1"));
  });

  it(
    "shows visitors public practices and analyses only",
    async () => {
      expect(top(await run(null, "plan poprawy jakości"))).toContain(idOf("p5"));
      expect(top(await run(null, "kompetencje obywatelskie"))).toContain(idOf("a2"));
      for (const [query] of RELEVANCE_SET) expectOnlyReadable(await run(null, query), "visitor");
      expect((await run(null, "finansowanie oświaty")).hits.map((hit) => hit.id)).not.toContain(idOf("a1"));
    },
    SET_TIMEOUT,
  );
});

describe("the cost of a query", () => {
  const client = () => mongoose.connection.getClient();

  it("reads postings once per word and entries only for the page it shows", async () => {
    const { result, commands } = await recordRoundTrips(client(), () => run(actors.anna!, "dowozy uczniów"));
    expect(top(result, 1)).toEqual([idOf("t1")]);
    const postingQueries = commands.filter((command) => command.collection === "searchPostings");
    expect(postingQueries).toHaveLength(2);
    expect(commands.filter((command) => command.collection === "searchEntries")).toHaveLength(1);
    expect(commands.length).toBeLessThanOrEqual(7);
    // The embedded database's way: one scan for the postings, entries by _id.
    const once = await recordRoundTrips(client(), () => run(actors.anna!, "dowozy uczniów", {}, "singleScan"));
    expect(once.commands.filter((command) => command.collection === "searchPostings")).toHaveLength(1);
  });

  it(
    "stays within its limits when words are more common than the limit",
    async () => {
      // More entries with both words than a word's postings limit, in Anna's group (the counters kept as the
      // indexer keeps them).
      const groupId = corpus.groups.a;
      const extra = Array.from({ length: SEARCH_CANDIDATE_LIMIT + 50 }, (_, index) =>
        indexedEntry({
          kind: "post",
          refId: new mongoose.Types.ObjectId(),
          threadId: new mongoose.Types.ObjectId(),
          title: "Termomodernizacja",
          text:
            index % 5 === 0
              ? `Termomodernizacja budynku szkoły numer ${index} i jej koszty.`
              : `Termomodernizacja budynku numer ${index}.`,
          ...forumScope(groupId),
          tags: [],
          authorId: corpus.users.bartek,
          slug: null,
          date: new Date(Date.UTC(2025, 0, 1 + index)),
          titleIndexed: false,
        }),
      );
      await addToSearchIndex(extra);
      try {
        expect((await SearchTermStat.findById("l:termomodernizacja").lean())?.entries).toBe(extra.length);
        const { result, commands } = await recordRoundTrips(client(), () =>
          run(actors.anna!, "termomodernizacja szkoły"),
        );
        expect(result.totalIsExact).toBe(false);
        const postingQueries = commands.filter((command) => command.collection === "searchPostings");
        // One list per word, then the best candidates' postings completed at once.
        expect(postingQueries).toHaveLength(3);
        for (const query of postingQueries.slice(0, 2))
          expect(query.returned).toBeLessThanOrEqual(SEARCH_CANDIDATE_LIMIT);
        const entryReads = commands.filter((command) => command.collection === "searchEntries");
        expect(entryReads).toEqual([expect.objectContaining({ returned: SEARCH_PAGE_SIZE })]);
        // The entries with both words lead.
        const both = new Set(extra.filter((_, index) => index % 5 === 0).map(({ entry }) => entry.refId.toString()));
        expect(result.hits.slice(0, 5).every((hit) => both.has(hit.id))).toBe(true);
      } finally {
        const ids = extra.map(({ entry }) => entry._id);
        await SearchPosting.deleteMany({ entryId: anyOf(ids) });
        await SearchEntry.deleteMany({ _id: anyOf(ids) });
      }
    },
    SET_TIMEOUT,
  );
});

describe("a full rebuild", () => {
  it("writes the same entries the events did, and counts them", async () => {
    const before = await SearchEntry.countDocuments();
    expect(before).toBe(39);
    expect(await rebuildSearchIndex()).toBe(before);
    expect((await SearchTermStat.findById(SEARCH_ENTRY_COUNT_ID).lean())?.entries).toBe(before);
    const postingEntries = new Set((await SearchPosting.distinct("entryId")).map(String));
    expect(postingEntries.size).toBe(before);
    expect(top(await run(actors.anna!, "dowozy uczniów"))).toContain(idOf("t1"));
  });

  it("happens at start when the index was built in an older format, and only then", async () => {
    const count = await SearchEntry.countDocuments();
    // What version 1 left: its state, its multikey index on the entries' terms, entries without postings.
    await SearchIndexState.updateOne({ _id: SEARCH_INDEX_STATE_ID }, { $set: { formatVersion: 1 } }, { upsert: true });
    await SearchEntry.collection.createIndex({ terms: 1 }, { name: "terms_1" });
    await SearchPosting.deleteMany({});
    const said: string[] = [];
    await ensureSearchIndex((message) => said.push(message));
    expect(said[0]).toBe("Budowanie indeksu wyszukiwania…");
    expect((await SearchIndexState.findById(SEARCH_INDEX_STATE_ID).lean())?.formatVersion).toBe(SEARCH_FORMAT_VERSION);
    expect(Object.keys(await SearchEntry.collection.indexInformation())).not.toContain("terms_1");
    expect(await SearchEntry.countDocuments()).toBe(count);
    expect(top(await run(actors.anna!, "oświacie"))).toContain(idOf("t6"));
    // The current format: nothing to do.
    const again: string[] = [];
    await ensureSearchIndex((message) => again.push(message));
    expect(again).toEqual([]);
  });
});
