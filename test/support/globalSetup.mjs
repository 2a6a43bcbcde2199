// Jest globalSetup: one database server for the whole test run.
// Plain ESM: Jest loads global hooks outside its ESM module system (as CommonJS, without
// moduleNameMapper), which breaks the server's `.js` imports and `import.meta`, so the chain
// is loaded through tsx, the same way `npm start` runs the server.
import os from "node:os";
import path from "node:path";
import { tsImport } from "tsx/esm/api";

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
  const handle = await findDatabase({
    mongodbUri: process.env.MONGODB_URI || undefined,
    purpose: "test",
    dataDir: path.join(os.tmpdir(), "forum-jst-test-data"),
    skipEmbeddedMongo: process.env.FORUM_SKIP_EMBEDDED_MONGODB === "1",
    log: (message) => process.stderr.write(`[baza testowa] ${message}\n`),
  });
  globalThis[DATABASE_HANDLE_KEY] = handle;
  process.env.FORUM_TEST_MONGODB_URI = handle.uri;
  process.env.FORUM_TEST_DB_KIND = handle.kind;
  process.env.FORUM_TEST_DB_CLIENT_OPTIONS = JSON.stringify(handle.clientOptions);
}
