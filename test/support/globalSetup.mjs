// Jest globalSetup: one database server for the whole test run.
// Plain ESM: Jest loads global hooks outside its ESM module system (as CommonJS, without
// moduleNameMapper), which breaks the server's `.js` imports and `import.meta`, so the chain
// is loaded through tsx, the same way `npm start` runs the server.
import { mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import mongoose from "mongoose";
import { tsImport } from "tsx/esm/api";
import { bundleServer } from "./serverBundle.mjs";

/** Where globalTeardown (same process) finds the handle. */
export const DATABASE_HANDLE_KEY = Symbol.for("forum-jst.testDatabaseHandle");

/**
 * Starts (or finds) the database server and hands its URI to the test files through
 * FORUM_TEST_MONGODB_URI (no database name: each file makes its own, see testDatabase.ts);
 * FORUM_TEST_DB_KIND says which server it is and FORUM_TEST_DB_CLIENT_OPTIONS what every
 * connection to it needs (see DatabaseHandle.clientOptions). MONGODB_URI, when set, is used as is.
 */
export default async function globalSetup() {
  /** @type {typeof import("../../server/src/db/findDatabase.ts")} */
  const { findDatabase } = await tsImport("../../server/src/db/findDatabase.ts", import.meta.url);
  /** @type {typeof import("../../server/src/db/ferretdb.ts")} */
  const { FERRETDB_CLIENT_OPTIONS } = await tsImport("../../server/src/db/ferretdb.ts", import.meta.url);
  const handle = await findDatabase({
    mongodbUri: process.env.MONGODB_URI || undefined,
    purpose: "test",
    dataDir: path.join(os.tmpdir(), "forum-jst-test-data"),
    skipEmbeddedMongo: process.env.FORUM_SKIP_EMBEDDED_MONGODB === "1",
    log: (message) => process.stderr.write(`[baza testowa] ${message}\n`),
  });
  globalThis[DATABASE_HANDLE_KEY] = handle;
  // A server given by MONGODB_URI (e.g. FerretDB on PostgreSQL from scripts/ferretdb-postgres.sh) may be FerretDB:
  // the tests of its deviations must know, and it needs the same one-connection client options.
  const ferretDbBehindUri = handle.kind === "external" && (await isFerretDb(handle.uri));
  process.env.FORUM_TEST_MONGODB_URI = handle.uri;
  process.env.FORUM_TEST_SERVER_BUNDLE = await bundleServer().catch((error) => {
    process.stderr.write(`[testy] Nie udało się zbudować serwera (${error}); serwery testowe ruszą przez tsx.\n`);
    return "";
  });
  // Seeded databases are copied from the run's first one (test/support/seedSnapshot.ts).
  process.env.FORUM_TEST_SEED_SNAPSHOT_DIR = await mkdtemp(path.join(os.tmpdir(), "forum-jst-seed-"));
  process.env.FORUM_TEST_DB_KIND = ferretDbBehindUri ? "ferretdb" : handle.kind;
  process.env.FORUM_TEST_DB_CLIENT_OPTIONS = JSON.stringify(
    ferretDbBehindUri ? { ...FERRETDB_CLIENT_OPTIONS, ...handle.clientOptions } : handle.clientOptions,
  );
}

/** FerretDB answers `buildInfo` with a `ferretdbVersion` field; MongoDB does not. */
async function isFerretDb(uri) {
  const connection = await mongoose.createConnection(uri, { serverSelectionTimeoutMS: 10_000 }).asPromise();
  try {
    const info = await connection.db.admin().command({ buildInfo: 1 });
    return typeof info.ferretdbVersion === "string";
  } finally {
    await connection.close();
  }
}
