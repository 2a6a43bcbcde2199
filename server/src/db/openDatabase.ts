import type { Config } from "../config.js";
import { connectDatabase, disconnectDatabase, redactUri } from "./connectDatabase.js";
import { databaseNameFor } from "./databaseName.js";
import { findDatabase, type DatabaseHandle } from "./findDatabase.js";

/**
 * The database `npm start` and `npm run seed` use: found by the chain, connected, and
 * stopped again if connecting fails. `close()` disconnects and stops an embedded server.
 */
export async function openDatabase(
  config: Config,
  say: (message: string) => void,
): Promise<{ database: DatabaseHandle; close(): Promise<void> }> {
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
      serverSelectionTimeoutMS: 3_000,
    });
  } catch (error) {
    await database.stop();
    throw error;
  }
  return {
    database,
    close: async () => {
      await disconnectDatabase();
      await database.stop();
    },
  };
}
