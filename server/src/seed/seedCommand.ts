import { openDatabase } from "../db/openDatabase.js";
import { loadEnvironment } from "../loadEnvironment.js";
import "../models/index.js";
import { printSeedReport } from "./prepareData.js";
import { seedDemo } from "./seedDemo.js";
import { rebuildSearchIndex } from "../subscribers/searchIndexer.js";

/** `npm run seed`: the demo on demand, into the database `npm start` uses. Idempotent. */
async function seedCommand(): Promise<void> {
  const config = loadEnvironment();
  const say = (message: string) => process.stdout.write(`${message}\n`);
  const { close } = await openDatabase(config, say);
  try {
    printSeedReport(await seedDemo({ terytCsv: config.TERYT_CSV }), say);
    await rebuildSearchIndex(say);
  } finally {
    await close();
  }
}

seedCommand().catch((error: unknown) => {
  process.stderr.write(`Nie udało się przygotować danych: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
