import { ConfigError } from "./config.js";
import { DatabaseUnreachableError } from "./db/connectDatabase.js";
import { watchDatabaseConnection } from "./db/connectionWatch.js";
import { NoDatabaseError } from "./db/findDatabase.js";
import { openDatabase } from "./db/openDatabase.js";
import { startForumServer } from "./forumServer.js";
import { loadEnvironment } from "./loadEnvironment.js";
import { createLogger } from "./logger.js";
import "./models/index.js";
import { RedisUnreachableError } from "./realtime/redisScaleOut.js";
import { prepareData } from "./seed/prepareData.js";
import { ensureSearchIndex, rebuildSearchIndex } from "./subscribers/searchIndexer.js";

/** Process entry: config → database → HTTP + Socket.IO → graceful shutdown. */
async function main(): Promise<void> {
  const config = loadEnvironment();
  const logger = createLogger(config);
  const say = (message: string) => process.stdout.write(`${message}\n`);
  const { database, close: closeDatabase } = await openDatabase(config, say);
  watchDatabaseConnection(logger);
  // Last line of defence: a background task that forgot its catch (the database went away under
  // it) is logged, not allowed to take down the process serving everyone else.
  process.on("unhandledRejection", (reason) => logger.error({ err: reason }, "unhandled rejection"));

  const seeded = await prepareData({ config, database, say });
  // Demo data is written straight to the database, past the indexer's events.
  if (seeded) await rebuildSearchIndex(say);
  else await ensureSearchIndex(say);
  const forum = await startForumServer({ config, logger, databaseKind: database.kind });
  say(`Forum Współpracy JST działa: ${forum.url}`);

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    say(`Otrzymano ${signal}: zamykanie forum…`);
    forum
      .close()
      .then(() => closeDatabase())
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
    error instanceof ConfigError ||
    error instanceof NoDatabaseError ||
    error instanceof DatabaseUnreachableError ||
    error instanceof RedisUnreachableError;
  process.stderr.write(
    `\nNie udało się uruchomić forum.\n${known ? (error as Error).message : String((error as Error)?.stack ?? error)}\n`,
  );
  process.exit(1);
});
