import { openDatabase } from "../db/openDatabase.js";
import { loadEnvironment } from "../loadEnvironment.js";
import "../models/index.js";
import { rebuildSearchIndex } from "../subscribers/searchIndexer.js";

/** `npm run search:reindex`: rebuilds the search index of the database `npm start` uses. */
async function reindexCommand(): Promise<void> {
  const config = loadEnvironment();
  const say = (message: string) => process.stdout.write(`${message}\n`);
  const { close } = await openDatabase(config, say);
  try {
    await rebuildSearchIndex(say);
  } finally {
    await close();
  }
}

reindexCommand().catch((error: unknown) => {
  process.stderr.write(
    `Nie udało się przebudować indeksu: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
