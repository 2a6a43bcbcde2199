import mongoose from "mongoose";

/**
 * The driver reads one reply per command from a connection and does not match it to the request. If the server
 * ever sends a reply nobody asked for (FerretDB answers unacknowledged `w: 0` writes, which MongoDB does not),
 * every later command on that connection gets the previous one's answer: a `find` receives a delete's
 * `{ ok: 1, n: 3 }` and fails with MongoUnexpectedServerResponseError (`BSON element "cursor" is missing`), or,
 * worse, another query's documents. Such a connection must not be used again.
 */
export function isOutOfStepReplyError(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current instanceof Error; depth += 1) {
    if (current.name === "MongoUnexpectedServerResponseError") return true;
    current = current.cause;
  }
  return false;
}

interface ConnectionPoolInternals {
  clear(options?: object): void;
  ready(): void;
}
interface ClientInternals {
  topology?: { s?: { servers?: Map<string, { pool?: ConnectionPoolInternals }> } };
}

/** At most one recycling a second: one out-of-step connection usually fails several commands in a row. */
const RECYCLE_AT_MOST_EVERY_MS = 1_000;
let lastRecycledAt = 0;

/**
 * Replaces every pooled connection of the client: each open one is closed when next checked in or out, and new
 * commands get fresh connections. The driver has no public call for this (it clears a pool only on network
 * errors), so its pool is reached through the topology; if a driver update moves it, nothing happens and false
 * is returned. Commands waiting for a connection at that moment fail with a retryable PoolClearedError (503).
 */
export function recycleConnections(client: mongoose.mongo.MongoClient = mongoose.connection.getClient()): boolean {
  const servers = (client as unknown as ClientInternals).topology?.s?.servers;
  let recycled = false;
  for (const server of servers?.values() ?? []) {
    const pool = server.pool;
    if (typeof pool?.clear !== "function" || typeof pool.ready !== "function") continue;
    pool.clear();
    pool.ready();
    recycled = true;
  }
  return recycled;
}

/**
 * Called where database errors end up (the HTTP error handler, socket acks, periodic jobs): after a reply out of
 * step, the connections are replaced so the next command is answered as asked. Returns whether it recycled.
 */
export function recoverFromOutOfStepReply(error: unknown, now = Date.now()): boolean {
  if (!isOutOfStepReplyError(error) || now - lastRecycledAt < RECYCLE_AT_MOST_EVERY_MS) return false;
  lastRecycledAt = now;
  try {
    return recycleConnections();
  } catch {
    // Not connected (yet or any more): there is no pool to recycle.
    return false;
  }
}
