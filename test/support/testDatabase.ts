import { randomBytes } from "node:crypto";
import type { DatabaseClientOptions } from "../../server/src/db/findDatabase.js";

/**
 * URI of the database server the run's globalSetup found (no database name in it:
 * pass `dbName: testDatabaseName(...)` when connecting).
 */
export function testMongoUri(): string {
  const uri = process.env.FORUM_TEST_MONGODB_URI;
  if (!uri) {
    throw new Error(
      "FORUM_TEST_MONGODB_URI is not set: run tests through `npm test` (Jest's globalSetup starts the database)",
    );
  }
  return uri;
}

/** Which server the chain found: "external", "embedded-mongodb" or "ferretdb". */
export function testDatabaseKind(): string {
  return process.env.FORUM_TEST_DB_KIND ?? "unknown";
}

/**
 * Options every connection to the test server needs (`{ maxPoolSize: 1 }` on FerretDB, whose
 * updates are not atomic across connections). Spread them next to `dbName`:
 * `mongoose.createConnection(testMongoUri(), { dbName: testDatabaseName("x"), ...testClientOptions() })`.
 */
export function testClientOptions(): DatabaseClientOptions {
  const json = process.env.FORUM_TEST_DB_CLIENT_OPTIONS;
  return json ? (JSON.parse(json) as DatabaseClientOptions) : {};
}

/**
 * A database name of its own for one test file, e.g. `t_compat_mi3k2x1a9f3c`. Safe for MongoDB
 * and FerretDB (letters, digits, `_` only) and at most 38 characters. Call it once per file.
 */
export function testDatabaseName(label: string): string {
  const safeLabel = label
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "")
    .slice(0, 16);
  const unique = Date.now().toString(36) + randomBytes(3).toString("hex");
  return `t_${safeLabel || "test"}_${unique}`;
}
