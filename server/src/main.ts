import { existsSync } from "node:fs";
import path from "node:path";
import { ConfigError, loadConfig, REPO_ROOT } from "./config.js";
import { connectDatabase, DatabaseUnreachableError, disconnectDatabase, redactUri } from "./db/connectDatabase.js";
import { findDatabase, NoDatabaseError, type DatabaseHandle } from "./db/findDatabase.js";
import { databaseNameFor } from "./db/databaseName.js";
import { startForumServer } from "./forumServer.js";
import { createLogger } from "./logger.js";
import "./models/index.js";
import { prepareData } from "./seed/prepareData.js";

/** Process entry: config → database → HTTP + Socket.IO → graceful shutdown. */
async function main(): Promise<void> {
  const envFile = path.join(REPO_ROOT, ".env");
  if (existsSync(envFile)) process.loadEnvFile(envFile);
  const config = loadConfig();
  const logger = createLogger(config);
  const say = (message: string) => process.stdout.write(`${message}\n`);

  const database: DatabaseHandle = await findDatabase({
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
      serverSelectionTimeoutMS: 3_000,
    });
  } catch (error) {
    await database.stop();
    throw error;
  }

  await prepareData({ config, database, say });
  const forum = await startForumServer({ config, logger, databaseKind: database.kind });
  say(`Forum Współpracy JST działa: ${forum.url}`);

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    say(`Otrzymano ${signal}: zamykanie forum…`);
    forum
      .close()
      .then(() => disconnectDatabase())
      .then(() => database.stop())
      .then(
        () => {
          say("Forum zamknięte.");
          process.exit(0);
        },
        (error: unknown) => {
          logger.error({ err: error }, "shutdown failed");
          process.exit(1);
        },
      );
  };
  process.on("SIGTERM", () => shutdown("SIGTERM"));
  process.on("SIGINT", () => shutdown("SIGINT"));
}

main().catch((error: unknown) => {
  const known =
    error instanceof ConfigError || error instanceof NoDatabaseError || error instanceof DatabaseUnreachableError;
  process.stderr.write(
    `\nNie udało się uruchomić forum.\n${known ? (error as Error).message : String((error as Error)?.stack ?? error)}\n`,
  );
  process.exit(1);
});
