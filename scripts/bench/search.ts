/**
 * Search latency and cost on a large index: fills the search index with N posts' entries (1,000,000 by default) of
 * Polish text generated from a vocabulary of inflected forms, spread over 20 groups and the network space, then runs
 * varied queries (one to three words, inflected, with and without diacritics, a typo) as a member of two groups
 * through the real engine (server/src/queries/searchEngine.ts) and prints p50/p95/max with, per query, the database
 * round trips and the documents they returned (counted from the driver's command events): what a query costs
 * whatever the engine's speed.
 *
 *   npm run bench:search                        # 1,000,000 posts, 50 queries
 *   npm run bench:search -- --posts 20000 --queries 20
 *   BENCH_POSTS=100000 npm run bench:search
 *   npm run bench:search -- --strategy indexed   # how MongoDB is asked, whatever the database (see CandidateStrategy)
 *
 * Entries and their postings are built by the indexer's own function (indexedEntry) and written by its own writer
 * (addToSearchIndex), in large batches, as a rebuild would write them. It runs on MONGODB_URI when set, else on the
 * chain the server uses (embedded MongoDB, then FerretDB), in a database of its own (BENCH_DB, default
 * forum_bench_search) that it drops before and after (BENCH_KEEP=1 keeps it; `--reuse` then queries a kept index,
 * given the same --posts, without refilling). On FerretDB 1.24 (SQLite) every query not on `_id` reads the whole
 * collection, and the figures say so; the round trips and documents read are the engine's own either way.
 */
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import mongoose from "mongoose";
import { searchQuerySchema } from "@forum/shared";
import { connectDatabase, disconnectDatabase, redactUri } from "../../server/src/db/connectDatabase.js";
import { findDatabase } from "../../server/src/db/findDatabase.js";
import "../../server/src/models/index.js";
import { SearchEntry } from "../../server/src/models/SearchEntry.js";
import { SearchPosting } from "../../server/src/models/SearchPosting.js";
import { SearchTermStat } from "../../server/src/models/SearchTermStat.js";
import type { Actor } from "../../server/src/policies/actor.js";
import { forumScope, indexedEntry, type IndexedEntry } from "../../server/src/domain/searchDocuments.js";
import {
  candidateStrategyFor,
  search,
  SEARCH_CANDIDATE_LIMIT,
  type CandidateStrategy,
} from "../../server/src/queries/searchEngine.js";
import { addToSearchIndex } from "../../server/src/subscribers/searchIndexer.js";
import { recordRoundTrips } from "../../test/support/roundTrips.js";

const { values: flags } = parseArgs({
  options: {
    posts: { type: "string", short: "n" },
    queries: { type: "string", short: "q" },
    "query-budget": { type: "string" },
    reuse: { type: "boolean" },
    strategy: { type: "string" },
  },
});
const positive = (value: string | undefined, fallback: number): number => {
  const parsed = Number(value);
  return Number.isFinite(parsed) && parsed > 0 ? Math.floor(parsed) : fallback;
};
const POSTS = positive(flags.posts ?? process.env.BENCH_POSTS, 1_000_000);
const QUERIES = positive(flags.queries ?? process.env.BENCH_QUERIES, 50);
/** Seconds of querying after which no new query starts (a scanning backend may need hours for 50 at 1 M). */
const QUERY_BUDGET_S = positive(flags["query-budget"] ?? process.env.BENCH_QUERY_BUDGET, Number.POSITIVE_INFINITY);
const DB_NAME = process.env.BENCH_DB ?? "forum_bench_search";
const BATCH = 5000;
const GROUPS = 20;
const POSTS_PER_THREAD = 25;

const say = (message: string) => console.log(message);

/** A deterministic generator, so that two runs index the same text. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Forms the way members write them: several cases of the same words, so stems and truncations matter. */
const VOCABULARY = `szkoła szkoły szkole szkołę szkół szkołach szkołami szkolny szkolnej szkolnych dyrektor dyrektora
dyrektorzy dyrektorów dyrektorami nauczyciel nauczyciela nauczyciele nauczycieli nauczycielami uczeń ucznia uczniowie
uczniów uczniom gmina gminy gminie gminę gmin gminach powiat powiatu powiecie powiaty budżet budżetu budżecie budżetowych
subwencja subwencji subwencję oświata oświaty oświacie oświatowej oświatowych jakość jakości edukacja edukacji edukacyjnych
edukacyjne kompetencje kompetencji cyfrowe cyfrowych kluczowe kluczowych diagnoza diagnozy diagnozie monitorowanie
monitorowania wsparcie wsparcia doskonalenie doskonalenia zawodowego przedszkole przedszkola przedszkoli przedszkolach
dowóz dowozu dowozy dowozów autobus autobusy rodzice rodziców rodzicami wynagrodzenia wynagrodzeń płace płac koszty
kosztów finansowanie finansowania dotacja dotacji projekt projektu projekty projektów program programu programy
egzamin egzaminu egzaminy egzaminów wyniki wyników frekwencja frekwencji ewaluacja ewaluacji koalicja koalicji lokalna
lokalnej lokalnych plan planu planie strategia strategii rada rady radzie wójt wójta burmistrz burmistrza starosta
starostwo referat referatu arkusz arkusza arkusze organizacyjny organizacyjnego kadra kadry zespół zespołu zespoły
spotkanie spotkania spotkaniu warsztaty warsztatów szkolenie szkolenia szkoleń konferencja konferencji praktyka praktyki
dobrych dobre doświadczenia doświadczeń współpraca współpracy partnerstwo partnerstwa biblioteka biblioteki uczelnia
uczelni organizacje organizacji pozarządowych stypendium stypendia stypendiów sport sportowe boisko boiska hala sali
remont remontu inwestycja inwestycji termomodernizacja termomodernizacji laboratorium laboratoria przyszłości drukarki
robotyka programowanie matematyka matematyki język języka angielskiego historia przyrody bezpieczeństwo bezpieczeństwa
cyberprzemoc psycholog psychologa pedagog pedagoga specjalny specjalnego integracja integracji niepełnosprawnych
dzieci dziecka młodzież młodzieży świetlica świetlicy stołówka stołówki posiłki obiady czas pracy godzin godziny tygodniowo`
  .split(/\s+/)
  .filter(Boolean);
const FILLER = "i w na do że się to jest ale czy jak dla od po przez oraz także bardzo już jeszcze może można".split(
  " ",
);
const QUERY_SET = [
  "szkoła",
  "szkol",
  "szkołach",
  "dyrektor szkoły",
  "nauczycieli",
  "wynagrodzenia nauczycieli",
  "subwencja oswiatowa",
  "budżet gminy",
  "budzetu powiatu",
  "jakość edukacji",
  "jakosci",
  "kompetencje cyfrowe",
  "kompetencji kluczowych",
  "diagnoza",
  "monitorowanie jakości",
  "doskonalenie zawodowe nauczycieli",
  "przedszkola",
  "dowóz uczniów",
  "dowozy autobus",
  "rodzice",
  "płace",
  "finansowanie projektów",
  "dotacja",
  "egzaminy wyniki",
  "frekwencja",
  "ewaluacja",
  "lokalna koalicja",
  "strategia oświaty",
  "rada gminy",
  "wójt",
  "burmistrz",
  "arkusz organizacyjny",
  "kadra",
  "zespół szkół",
  "warsztaty",
  "szkolenia dla dyrektorów",
  "konferencja",
  "dobre praktyki",
  "współpraca z uczelnią",
  "organizacje pozarządowe",
  "stypendia",
  "boisko sportowe",
  "termomodernizacja szkoły",
  "laboratoria przyszłości",
  "robotyka programowanie",
  "cyberprzemoc",
  "psycholog szkolny",
  "integracja niepełnosprawnych dzieci",
  "świetlica",
  "stołówka obiady",
  "dowuz uczniow",
];

function sentence(next: () => number, words: number): string {
  const parts: string[] = [];
  for (let index = 0; index < words; index++) {
    // Skewed towards the start of the vocabulary, as real text is (a few words are everywhere).
    const pick =
      next() < 0.25
        ? FILLER[Math.floor(next() * FILLER.length)]!
        : VOCABULARY[Math.floor(next() ** 1.6 * VOCABULARY.length)]!;
    parts.push(pick);
  }
  const text = parts.join(" ");
  return text.charAt(0).toUpperCase() + text.slice(1) + ".";
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

async function fill(groupIds: mongoose.Types.ObjectId[]): Promise<void> {
  const next = random(2026);
  const authors = Array.from({ length: 2000 }, () => new mongoose.Types.ObjectId());
  const started = Date.now();
  let threadId = new mongoose.Types.ObjectId();
  let threadTitle = "";
  let groupId: mongoose.Types.ObjectId | null = null;
  for (let done = 0; done < POSTS;) {
    const batch: IndexedEntry[] = [];
    for (let index = 0; index < BATCH && done < POSTS; index++, done++) {
      if (done % POSTS_PER_THREAD === 0) {
        threadId = new mongoose.Types.ObjectId();
        threadTitle = sentence(next, 4 + Math.floor(next() * 5)).slice(0, -1);
        // One thread in ten is in the network space, the rest in one of the groups.
        groupId = next() < 0.1 ? null : groupIds[Math.floor(next() * groupIds.length)]!;
      }
      batch.push(
        indexedEntry({
          kind: "post",
          refId: new mongoose.Types.ObjectId(),
          threadId,
          title: threadTitle,
          text: [sentence(next, 12 + Math.floor(next() * 20)), sentence(next, 8 + Math.floor(next() * 25))].join(" "),
          ...forumScope(groupId),
          tags: [],
          authorId: authors[Math.floor(next() * authors.length)]!,
          slug: null,
          date: new Date(Date.UTC(2024, 0, 1) + Math.floor(next() * 700) * 86_400_000),
          titleIndexed: false,
        }),
      );
    }
    await addToSearchIndex(batch);
    if (done % 100_000 === 0 || done === POSTS) {
      const seconds = (Date.now() - started) / 1000;
      say(
        `  zapisano ${done.toLocaleString("pl-PL")} wpisów (${seconds.toFixed(0)} s, ${Math.round(done / seconds)}/s)`,
      );
    }
  }
}

async function main(): Promise<void> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "forum-bench-search-"));
  const database = await findDatabase({
    mongodbUri: process.env.MONGODB_URI,
    purpose: "test",
    dataDir,
    skipEmbeddedMongo: process.env.FORUM_SKIP_EMBEDDED_MONGODB === "1",
    log: say,
  });
  try {
    await connectDatabase(database.uri, { dbName: DB_NAME, ...database.clientOptions, monitorCommands: true });
    const backend =
      database.kind === "ferretdb"
        ? "FerretDB 1.24 (SQLite)"
        : database.kind === "external"
          ? `MONGODB_URI ${redactUri(database.uri)}`
          : "MongoDB (embedded)";
    say(`Baza: ${backend}, baza danych ${DB_NAME}`);
    // Fixed group ids, so that a kept index (--reuse) is queried as a member of the same two groups.
    const groupIds = Array.from(
      { length: GROUPS },
      (_, index) => new mongoose.Types.ObjectId((index + 1).toString(16).padStart(24, "0")),
    );
    // A count would read every entry on FerretDB: --reuse trusts that the kept index has --posts entries.
    if (flags.reuse && (await SearchEntry.exists({}))) {
      say(`Indeks z poprzedniego przebiegu (${POSTS.toLocaleString("pl-PL")} wpisów), bez ponownego wypełniania.`);
    } else {
      await mongoose.connection.db!.dropDatabase();
      await Promise.all([SearchEntry.createIndexes(), SearchPosting.createIndexes(), SearchTermStat.createIndexes()]);
      say(`Wypełnianie indeksu: ${POSTS.toLocaleString("pl-PL")} wpisów w ${GROUPS} grupach i przestrzeni sieci…`);
      await fill(groupIds);
    }
    // --strategy indexed on FerretDB/SQLite shows what MongoDB would be asked (round trips, documents read).
    const strategy: CandidateStrategy =
      flags.strategy === "indexed" || flags.strategy === "singleScan"
        ? flags.strategy
        : candidateStrategyFor(database.kind);
    // The member's first group as the index has it (a kept index may come from a run with other ids): one lookup
    // that stops at the first match, where a distinct() would read every entry.
    const firstGroup = (
      await SearchEntry.findOne({ visibility: "groups" }, { groupIds: 1 }).lean()
    )?.groupIds[0]?.toString();
    const secondGroup = undefined;
    const actor: Actor = {
      id: new mongoose.Types.ObjectId().toString(),
      role: "member",
      status: "active",
      groups: new Map([
        [firstGroup ?? groupIds[0]!.toString(), "member"],
        [secondGroup ?? groupIds[1]!.toString(), "member"],
      ]),
    };
    say(
      `Zapytania (${QUERIES}) jako członek 2 grup; limit kandydatów ${SEARCH_CANDIDATE_LIMIT}; strategia ${strategy}:`,
    );
    const times: number[] = [];
    const roundTrips: number[] = [];
    const documentsRead: number[] = [];
    const client = mongoose.connection.getClient();
    const queryingSince = Date.now();
    for (let index = 0; index < QUERIES; index++) {
      if ((Date.now() - queryingSince) / 1000 > QUERY_BUDGET_S) {
        say(`  (limit czasu ${QUERY_BUDGET_S} s: wykonano ${index} z ${QUERIES} zapytań)`);
        break;
      }
      const q = QUERY_SET[index % QUERY_SET.length]!;
      const started = performance.now();
      const { result: results, commands } = await recordRoundTrips(client, () =>
        search(actor, searchQuerySchema.parse({ q }), { strategy }),
      );
      const ms = performance.now() - started;
      times.push(ms);
      roundTrips.push(commands.length);
      const read = commands.reduce((sum, command) => sum + command.returned, 0);
      documentsRead.push(read);
      const postings = commands
        .filter((command) => command.collection === "searchPostings")
        .reduce((sum, command) => sum + command.returned, 0);
      const entries = commands
        .filter((command) => command.collection === "searchEntries")
        .reduce((sum, command) => sum + command.returned, 0);
      const sortedSoFar = [...times].sort((a, b) => a - b);
      say(
        `  ${ms.toFixed(0).padStart(7)} ms  „${q}”${results.correctedQuery ? ` → „${results.correctedQuery}”` : ""}: ` +
          `${results.total}${results.totalIsExact ? "" : "+"} wyników; ${commands.length} zapytań do bazy, ` +
          `odczytano ${postings} pozycji indeksu i ${entries} wpisów` +
          ` (dotąd p50 ${percentile(sortedSoFar, 50).toFixed(0)} ms, p95 ${percentile(sortedSoFar, 95).toFixed(0)} ms)`,
      );
    }
    const sorted = [...times].sort((a, b) => a - b);
    const sortedTrips = [...roundTrips].sort((a, b) => a - b);
    const sortedRead = [...documentsRead].sort((a, b) => a - b);
    say(
      `Wynik (${POSTS.toLocaleString("pl-PL")} wpisów, ${backend}, ${strategy}): p50 ${percentile(sorted, 50).toFixed(0)} ms, ` +
        `p95 ${percentile(sorted, 95).toFixed(0)} ms, max ${sorted.at(-1)!.toFixed(0)} ms; ` +
        `zapytań do bazy na wyszukiwanie p50 ${percentile(sortedTrips, 50)}, max ${sortedTrips.at(-1)}; ` +
        `dokumentów odczytanych p50 ${percentile(sortedRead, 50)}, max ${sortedRead.at(-1)}`,
    );
    if (database.kind === "ferretdb") {
      say(
        "Uwaga: FerretDB 1.24 na SQLite nie używa indeksów i czyta całą kolekcję przy każdym zapytaniu innym niż po `_id`; na MongoDB (MONGODB_URI) zapytanie idzie po indeksie `{ term, weight }`.",
      );
    }
    if (process.env.BENCH_KEEP !== "1") await mongoose.connection.db!.dropDatabase();
  } finally {
    await disconnectDatabase();
    await database.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
