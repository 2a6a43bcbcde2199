import { mkdir } from "node:fs/promises";
import path from "node:path";
import { MongoMemoryServer } from "mongodb-memory-server-core";
import { findFreePort } from "./freePort.js";
import type { RunningServer } from "./runningServer.js";

/** Port `npm start` prefers, so the address stays the same between runs when it is free. */
const PREFERRED_START_PORT = 27018;

export interface StartEmbeddedMongoOptions {
  /** "start": data kept in `dataDir`; "test": a throwaway temp dir. */
  purpose: "start" | "test";
  /** Directory for the MongoDB data files when purpose is "start" (created if missing). */
  dataDir: string;
}

/**
 * Starts MongoDB through mongodb-memory-server. Needs the MongoDB binary, which it downloads
 * (and caches) the first time; without internet this rejects after a few seconds.
 */
export async function startEmbeddedMongo(options: StartEmbeddedMongoOptions): Promise<RunningServer> {
  const keepData = options.purpose === "start";
  let instance: { dbPath: string; port: number } | undefined;
  if (keepData) {
    const dbPath = path.resolve(options.dataDir);
    await mkdir(dbPath, { recursive: true });
    instance = { dbPath, port: await findFreePort(PREFERRED_START_PORT) };
  }
  const server = await withoutStartFailureWarning(() => MongoMemoryServer.create(instance ? { instance } : {}));
  let stopping: Promise<void> | undefined;
  return {
    uri: server.getUri(),
    stop: () => (stopping ??= server.stop({ doCleanup: !keepData, force: false }).then(() => undefined)),
  };
}

/**
 * mongodb-memory-server prints a long console.warn with a stack trace when it cannot start
 * (e.g. no internet to download MongoDB). The chain reports the failure in one line instead.
 */
async function withoutStartFailureWarning<T>(action: () => Promise<T>): Promise<T> {
  const originalWarn = console.warn;
  console.warn = (...args: unknown[]) => {
    const first = args[0];
    if (typeof first === "string" && first.startsWith("Starting the MongoMemoryServer Instance failed")) {
      return;
    }
    originalWarn.apply(console, args);
  };
  try {
    return await action();
  } finally {
    console.warn = originalWarn;
  }
}
