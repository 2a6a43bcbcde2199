import { randomBytes } from "node:crypto";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import MongoStore from "connect-mongo";
import session from "express-session";
import type { RequestHandler } from "express";
import mongoose from "mongoose";
import type { Config } from "../config.js";

type MongoStoreClient = NonNullable<NonNullable<Parameters<typeof MongoStore.create>[0]>["client"]>;

export const SESSION_COOKIE = "forum.sid";

/** Where express-session's store keeps sessions; "my sessions", the export and IP retention read the same. */
export const SESSIONS_COLLECTION = "sessions";

/**
 * The sessions collection in the forum's own database, the one mongoose connected to (MONGODB_DB or the URI's).
 * The store is handed this database by name: the shared client's default database is the URI's, and a URI
 * without one (the embedded chain, or MONGODB_URI plus MONGODB_DB) would put sessions in `test`.
 */
export function sessionCollection<Stored extends mongoose.mongo.Document>(): mongoose.mongo.Collection<Stored> {
  const database = mongoose.connection.db;
  if (!database) throw new Error("sessions: the database is not connected yet");
  return database.collection<Stored>(SESSIONS_COLLECTION);
}

/** Outside production a secret is made once and kept in the data directory, so restarts keep people signed in. */
async function sessionSecret(config: Config): Promise<string> {
  if (config.SESSION_SECRET) return config.SESSION_SECRET;
  if (config.NODE_ENV === "production")
    throw new Error("SESSION_SECRET: wymagany w środowisku produkcyjnym (co najmniej 32 znaki)");
  const file = path.join(config.DATA_DIR, "session-secret");
  try {
    return (await readFile(file, "utf8")).trim();
  } catch {
    const secret = randomBytes(48).toString("base64url");
    await mkdir(config.DATA_DIR, { recursive: true });
    await writeFile(file, secret, { mode: 0o600 });
    return secret;
  }
}

export async function createSessionMiddleware(config: Config): Promise<RequestHandler> {
  return session({
    name: SESSION_COOKIE,
    secret: await sessionSecret(config),
    resave: false,
    saveUninitialized: false,
    rolling: true,
    proxy: config.TRUST_PROXY,
    // Rolling maxAge is the idle timeout: every request moves it forward.
    cookie: { httpOnly: true, sameSite: "lax", secure: "auto", maxAge: config.SESSION_IDLE_MINUTES * 60_000 },
    store: MongoStore.create({
      // connect-mongo's types name its own copy of the driver; mongoose's client has the same API.
      client: mongoose.connection.getClient() as unknown as MongoStoreClient,
      dbName: sessionCollection().dbName,
      collectionName: SESSIONS_COLLECTION,
      // Not connect-mongo's sweep: it deletes with an unacknowledged write (w: 0), which FerretDB answers anyway,
      // and the driver then reads that stray reply as the answer to the next command on the connection. Expired
      // sessions are removed by jobs/sessionSweep.ts instead (an interval, not a TTL index: FerretDB has none).
      autoRemove: "disabled",
      stringify: false,
    }),
  });
}
