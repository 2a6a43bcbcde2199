import { createAdapter } from "@socket.io/redis-streams-adapter";
import {
  ClientClosedError,
  ClientOfflineError,
  ConnectionTimeoutError,
  createClient,
  DisconnectsClientError,
  ReconnectStrategyError,
  SocketClosedUnexpectedlyError,
  SocketTimeoutError,
  TimeoutError,
} from "redis";
import { redactUri } from "../db/connectDatabase.js";
import type { Logger } from "../logger.js";

/** Tries before the first connection is given up (about 5 s); once connected, reconnecting never stops. */
const STARTUP_ATTEMPTS = 10;
const STARTUP_RETRY_MS = 500;
const RUNTIME_RETRY_MAX_MS = 5_000;

export class RedisUnreachableError extends Error {
  constructor(url: string, cause: unknown) {
    super(
      `Nie można połączyć się z Redisem (${redactUri(url)}): ${cause instanceof Error ? cause.message : String(cause)}.\n` +
        "Sprawdź REDIS_URL albo usuń tę zmienną, aby forum działało jako jeden proces.",
    );
    this.name = "RedisUnreachableError";
  }
}

const newClient = (url: string, reconnectStrategy: (retries: number, cause: Error) => number | Error) =>
  createClient({ url, socket: { reconnectStrategy } });
export type RedisClient = ReturnType<typeof newClient>;

/** What the Redis client rejects its commands with while Redis is unreachable or the client is closing. */
const CONNECTION_ERRORS = [
  ClientClosedError,
  ClientOfflineError,
  ConnectionTimeoutError,
  DisconnectsClientError,
  ReconnectStrategyError,
  SocketClosedUnexpectedlyError,
  SocketTimeoutError,
  TimeoutError,
];

/**
 * The adapter leaves some of its Redis commands' promises unobserved (saving a disconnected
 * socket's session for recovery, answering another process): while Redis is away each would be an
 * unhandled rejection, which stops Node. Those are logged; any other unhandled rejection still stops
 * the process, as without this handler.
 */
function survivingLostRedis(logger: Logger): (reason: unknown) => void {
  return (reason) => {
    if (!CONNECTION_ERRORS.some((kind) => reason instanceof kind)) throw reason;
    logger.warn({ err: reason }, "redis: a live update could not be shared with the other processes");
  };
}

export interface RedisScaleOut {
  /** The connected client, for other state several processes must share (rate limits). */
  client: RedisClient;
  /** The Socket.IO adapter factory: rooms, broadcasts and fetchSockets() span every process on this Redis. */
  adapter: ReturnType<typeof createAdapter>;
  /** Whether the connection is usable right now (health report). */
  isUp(): boolean;
  close(): Promise<void>;
}

/**
 * Connects to Redis for the Socket.IO streams adapter. The streams adapter (not the pub/sub one) because it
 * also keeps connection-state recovery working across processes. A wrong REDIS_URL stops the start; a Redis
 * lost later is logged and reconnected to, while each process goes on serving its own connections.
 */
export async function connectRedisScaleOut(url: string, logger: Logger): Promise<RedisScaleOut> {
  let connectedOnce = false;
  let lastError = "";
  const client = newClient(url, (retries, cause) => {
    if (!connectedOnce && retries >= STARTUP_ATTEMPTS) return cause;
    return connectedOnce ? Math.min(100 * 2 ** retries, RUNTIME_RETRY_MAX_MS) : STARTUP_RETRY_MS;
  });
  client.on("error", (error: Error) => {
    // A lost Redis repeats the same error on every retry: log each new one, not the flood.
    if (!connectedOnce || error.message === lastError) return;
    lastError = error.message;
    logger.error({ err: error }, "redis: connection problem; live updates reach only this process's connections");
  });
  client.on("ready", () => {
    if (connectedOnce && lastError) logger.warn("redis: reconnected");
    connectedOnce = true;
    lastError = "";
  });
  try {
    await client.connect();
  } catch (error) {
    throw new RedisUnreachableError(url, error);
  }
  process.on("unhandledRejection", survivingLostRedis(logger));
  return {
    client,
    adapter: createAdapter(client),
    isUp: () => client.isReady,
    close: async () => {
      if (!client.isOpen) return;
      // A client waiting for a lost Redis would wait for it to come back before closing.
      if (!client.isReady) return client.destroy();
      await client.close().catch(() => client.destroy());
    },
  };
}
