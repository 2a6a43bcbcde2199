/**
 * `npm run search:relevance`: the search relevance set (test/support/searchRelevanceSet.ts) on its corpus
 * (test/support/searchCorpus.ts), in a database of its own on the chain the server uses (MONGODB_URI, else the
 * embedded MongoDB, else FerretDB). Prints each query's rank (1-based; "—" when its item is not on the first page),
 * then hits@5 and the mean reciprocal rank, and exits non-zero below the target the test keeps.
 *
 *   npm run search:relevance
 *   npm run search:relevance -- --misses        # only the queries whose item is not in the top 5
 */
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import mongoose from "mongoose";
import { searchQuerySchema } from "@forum/shared";
import { connectDatabase, disconnectDatabase } from "../../server/src/db/connectDatabase.js";
import { findDatabase } from "../../server/src/db/findDatabase.js";
import "../../server/src/models/index.js";
import { User } from "../../server/src/models/User.js";
import { loadActor } from "../../server/src/policies/actor.js";
import { candidateStrategyFor, search } from "../../server/src/queries/searchEngine.js";
import { searchIndexIdle, startSearchIndexer } from "../../server/src/subscribers/searchIndexer.js";
import { seedSearchCorpus } from "../../test/support/searchCorpus.js";
import { measureRelevance, RELEVANCE_TARGET } from "../../test/support/searchRelevanceSet.js";

const { values: flags } = parseArgs({ options: { misses: { type: "boolean" } } });
const say = (message: string) => console.log(message);

async function main(): Promise<boolean> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "forum-search-relevance-"));
  const database = await findDatabase({
    mongodbUri: process.env.MONGODB_URI,
    purpose: "test",
    dataDir,
    skipEmbeddedMongo: process.env.FORUM_SKIP_EMBEDDED_MONGODB === "1",
    log: say,
  });
  const indexingErrors: unknown[] = [];
  try {
    await connectDatabase(database.uri, {
      dbName: `forum_search_relevance_${Date.now().toString(36)}`,
      ...database.clientOptions,
    });
    const stopIndexer = startSearchIndexer({ error: (details: unknown) => indexingErrors.push(details) });
    try {
      const corpus = await seedSearchCorpus();
      await searchIndexIdle();
      const anna = await loadActor((await User.findById(corpus.users.anna).lean())!);
      const strategy = candidateStrategyFor(database.kind);
      const report = await measureRelevance(corpus, (q) => search(anna, searchQuerySchema.parse({ q }), { strategy }));
      for (const { query, key, rank } of report.ranks) {
        if (flags.misses && rank !== null && rank <= 5) continue;
        say(`${String(rank ?? "—").padStart(3)}  „${query}” → ${key}`);
      }
      if (indexingErrors.length > 0) say(`Błędy indeksowania: ${indexingErrors.length}`);
      say(
        `Zapytań: ${report.queries}; hits@5 ${report.hitsAt5.toFixed(3)}; MRR ${report.meanReciprocalRank.toFixed(3)} ` +
          `(cel hits@5 ≥ ${RELEVANCE_TARGET}; baza: ${database.kind}, strategia: ${strategy})`,
      );
      return report.hitsAt5 >= RELEVANCE_TARGET && indexingErrors.length === 0;
    } catch (error) {
      console.error(error);
      return false;
    } finally {
      stopIndexer();
      await mongoose.connection.db?.dropDatabase().catch(() => undefined);
    }
  } finally {
    await disconnectDatabase();
    await database.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

main().then(
  (passed) => process.exit(passed ? 0 : 1),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
