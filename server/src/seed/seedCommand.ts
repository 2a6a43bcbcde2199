import { existsSync } from "node:fs";
import path from "node:path";
import { loadConfig, REPO_ROOT } from "../config.js";
import { connectDatabase, disconnectDatabase, redactUri } from "../db/connectDatabase.js";
import { databaseNameFor } from "../db/databaseName.js";
import { findDatabase } from "../db/findDatabase.js";
import "../models/index.js";
import { printSeedReport } from "./prepareData.js";
import { seedDemo } from "./seedDemo.js";

/** `npm run seed`: the demo on demand, into the database `npm start` uses. Idempotent. */
async function seedCommand(): Promise<void> {
  const envFile = path.join(REPO_ROOT, ".env");
  if (existsSync(envFile)) process.loadEnvFile(envFile);
  const config = loadConfig();
  const say = (message: string) => process.stdout.write(`${message}\n`);
  const database = await findDatabase({
    mongodbUri: config.MONGODB_URI,
    purpose: "start",
    dataDir: config.DATA_DIR,
    skipEmbeddedMongo: config.FORUM_SKIP_EMBEDDED_MONGODB,
    log: say,
  });
  say(`Baza danych: ${database.kind} (${redactUri(database.uri)})`);
  try {
    await connectDatabase(database.uri, {
      dbName: databaseNameFor(database, config.MONGODB_DB),
      ...database.clientOptions,
      ...(config.MONGODB_MAX_POOL_SIZE ? { maxPoolSize: config.MONGODB_MAX_POOL_SIZE } : {}),
    });
    printSeedReport(await seedDemo({ terytCsv: config.TERYT_CSV }), say);
  } finally {
    await disconnectDatabase();
    await database.stop();
  }
}

seedCommand().catch((error: unknown) => {
  process.stderr.write(`Nie udało się przygotować danych: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
