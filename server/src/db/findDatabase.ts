import path from "node:path";
import { startEmbeddedMongo } from "./embeddedMongo.js";
import { buildFerretDb, FERRETDB_CLIENT_OPTIONS, startFerretDb } from "./ferretdb.js";

export type DatabaseKind = "external" | "embedded-mongodb" | "ferretdb";

export interface DatabaseHandle {
  /** mongodb:// URI. For embedded servers it has no database name: pass `dbName` when connecting. */
  uri: string;
  kind: DatabaseKind;
  /**
   * Spread into mongoose.connect / createConnection options. For FerretDB it is
   * `{ maxPoolSize: 1 }`: FerretDB 1.24 applies updates as read-modify-write, so concurrent
   * `$inc`/`$push`/`$addToSet` on one document from several connections lose writes; one
   * connection makes it process our commands one at a time. See ferretdb.ts.
   */
  clientOptions: DatabaseClientOptions;
  /** Stops a server the chain started (no-op for an external one). Safe to call twice. */
  stop(): Promise<void>;
}

export interface DatabaseClientOptions {
  maxPoolSize?: number;
}

export interface FindDatabaseOptions {
  /** MONGODB_URI from config; when set it is used as is. */
  mongodbUri?: string;
  /** "start": data kept under dataDir; "test": throwaway temp dirs. */
  purpose: "start" | "test";
  /** e.g. <repo>/data; the embedded servers use its subdirectories mongodb/ and ferretdb/. */
  dataDir: string;
  /** Skip mongodb-memory-server (FORUM_SKIP_EMBEDDED_MONGODB=1): saves its ~7 s download failure offline. */
  skipEmbeddedMongo?: boolean;
  /** Progress lines for the user, in Polish. */
  log: (message: string) => void;
}

export class NoDatabaseError extends Error {
  override name = "NoDatabaseError";

  constructor(readonly reasons: string[]) {
    super(
      [
        "Nie znaleziono bazy danych. Są trzy sposoby, żeby ją mieć:",
        "  1. ustaw MONGODB_URI (np. w pliku .env) na działający serwer MongoDB lub FerretDB;",
        "  2. zapewnij dostęp do internetu, aby mongodb-memory-server mógł pobrać MongoDB;",
        "  3. zainstaluj Go (polecenie `go` w PATH), aby zbudować FerretDB (scripts/build-ferretdb.sh).",
        ...(reasons.length > 0 ? ["Szczegóły:", ...reasons.map((reason) => `  - ${reason}`)] : []),
      ].join("\n"),
    );
  }
}

/**
 * Finds a MongoDB-compatible server: MONGODB_URI, else an embedded MongoDB, else FerretDB
 * on SQLite (built once from the Go module proxy). See shared/design/STACK.md.
 */
export async function findDatabase(options: FindDatabaseOptions): Promise<DatabaseHandle> {
  const { log } = options;
  if (options.mongodbUri) {
    return { uri: options.mongodbUri, kind: "external", clientOptions: {}, stop: async () => {} };
  }

  const reasons: string[] = [];

  if (options.skipEmbeddedMongo) {
    reasons.push("mongodb-memory-server pominięty (FORUM_SKIP_EMBEDDED_MONGODB=1)");
  } else {
    log("Uruchamiam wbudowaną bazę MongoDB (mongodb-memory-server)…");
    const startedAt = Date.now();
    try {
      const server = await startEmbeddedMongo({
        purpose: options.purpose,
        dataDir: path.join(options.dataDir, "mongodb"),
      });
      log(`Wbudowana MongoDB działa: ${server.uri} (${elapsedSeconds(startedAt)})`);
      return { ...server, kind: "embedded-mongodb", clientOptions: {} };
    } catch (error) {
      const reason = describeEmbeddedMongoFailure(error);
      reasons.push(`mongodb-memory-server: ${reason}`);
      log(`Nie udało się uruchomić wbudowanej MongoDB (${reason}). Próbuję FerretDB…`);
    }
  }

  const startedAt = Date.now();
  try {
    const binary = await buildFerretDb(log);
    log("Uruchamiam FerretDB (SQLite)…");
    const server = await startFerretDb({
      binary,
      purpose: options.purpose,
      dataDir: path.join(options.dataDir, "ferretdb"),
      log,
    });
    log(`FerretDB działa: ${server.uri} (${elapsedSeconds(startedAt)})`);
    return { ...server, kind: "ferretdb", clientOptions: FERRETDB_CLIENT_OPTIONS };
  } catch (error) {
    reasons.push(`FerretDB: ${firstLine(error)}`);
  }

  throw new NoDatabaseError(reasons);
}

/** mongodb-memory-server's download errors are long; offline they all come down to DNS. */
function describeEmbeddedMongoFailure(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === "ENOTFOUND" || code === "EAI_AGAIN" || code === "ECONNREFUSED" || code === "ETIMEDOUT") {
    return `nie można pobrać MongoDB, brak dostępu do internetu (${code})`;
  }
  return firstLine(error);
}

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split("\n")[0]?.trim() ?? message;
}

function elapsedSeconds(since: number): string {
  return `${((Date.now() - since) / 1000).toFixed(1)} s`;
}
