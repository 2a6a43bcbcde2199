import { createServer, type Server as HttpServer } from "node:http";
import type { AddressInfo } from "node:net";
import { createApp } from "./app.js";
import type { Config } from "./config.js";
import type { DatabaseKind } from "./db/findDatabase.js";
import type { Logger } from "./logger.js";
import { createSocketServer, type ForumIo } from "./realtime/socketServer.js";
import { connectRedisScaleOut } from "./realtime/redisScaleOut.js";
import { shareRateLimits } from "./http/rateLimits.js";
import { configurePassport } from "./infra/authentication.js";
import { createSessionMiddleware } from "./infra/sessionStore.js";
import { initMailer } from "./infra/mailer.js";
import { pushNotification, startReadPush } from "./realtime/notificationPush.js";
import { startDigestScheduler } from "./jobs/digestScheduler.js";
import { startNotifier } from "./subscribers/notifier.js";
import { startSearchIndexer } from "./subscribers/searchIndexer.js";
import { startTransactionalMail } from "./subscribers/transactionalMail.js";
import { startAttendanceKeeper } from "./jobs/roomAttendance.js";
import { startIpRetention } from "./jobs/ipRetention.js";
import { startSessionSweep } from "./jobs/sessionSweep.js";
import { createForumMetrics } from "./infra/metrics.js";
import { uploadDirectory } from "./infra/uploadStorage.js";
import { finishInterruptedErasures } from "./jobs/erasureRecovery.js";
import { startWriteRecovery } from "./jobs/writeRecovery.js";
import { onboardingSending } from "./jobs/onboardingSending.js";

export interface RunningForum {
  httpServer: HttpServer;
  io: ForumIo;
  /** Where the forum answers, e.g. http://127.0.0.1:3000 */
  url: string;
  /** Stops accepting, closes sockets, lets in-flight requests finish. The database stays connected. */
  close(): Promise<void>;
}

/** HTTP + Socket.IO on one port, on an already connected database. */
export async function startForumServer(options: {
  config: Config;
  logger: Logger;
  databaseKind: DatabaseKind;
}): Promise<RunningForum> {
  const { config, logger } = options;
  configurePassport();
  initMailer(config, { logger });
  const sessionMiddleware = await createSessionMiddleware(config);
  const redis = config.REDIS_URL ? await connectRedisScaleOut(config.REDIS_URL, logger) : null;
  if (redis) shareRateLimits(redis.client);
  const metrics = createForumMetrics();
  const app = createApp({ ...options, sessionMiddleware, redisUp: redis?.isUp, metrics });
  const httpServer = createServer(app);
  const io = createSocketServer(
    httpServer,
    sessionMiddleware,
    logger,
    { publicUrl: config.PUBLIC_URL, trustProxy: config.TRUST_PROXY },
    redis?.adapter,
  );
  metrics.watchSockets(io);
  const stopNotifier = startNotifier({ logger, deliver: (notification) => pushNotification(io, logger, notification) });
  const stopTransactionalMail = startTransactionalMail(logger);
  const stopReadPush = startReadPush(io, logger);
  const stopSearchIndexer = startSearchIndexer(logger);
  const digests = startDigestScheduler({ config, logger });
  const stopAttendanceKeeper = startAttendanceKeeper(logger);
  const ipRetention = startIpRetention({ config, logger });
  const sessionSweep = startSessionSweep({ config, logger });
  const participantListSending = onboardingSending.start({ config, logger });
  // After the indexer: the finished erasure's event must reach the search index.
  void finishInterruptedErasures({ dataDir: config.DATA_DIR, uploadDirectory: uploadDirectory(config) }).then(
    (count) => count > 0 && logger.info({ count }, "interrupted account erasures finished"),
    (error: unknown) => logger.error({ err: error }, "finishing interrupted account erasures failed"),
  );
  const stopWriteRecovery = startWriteRecovery(logger);

  await new Promise<void>((resolve, reject) => {
    httpServer.once("error", reject);
    httpServer.listen(config.PORT, config.HOST, () => {
      httpServer.off("error", reject);
      resolve();
    });
  });
  const { port } = httpServer.address() as AddressInfo;
  const host = config.HOST === "0.0.0.0" || config.HOST === "::" ? "localhost" : config.HOST;

  let closing: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closing ??= new Promise<void>((resolve) => {
      digests.stop();
      ipRetention.stop();
      sessionSweep.stop();
      participantListSending.stop();
      metrics.stop();
      stopAttendanceKeeper();
      stopWriteRecovery();
      stopNotifier();
      stopTransactionalMail();
      stopSearchIndexer();
      stopReadPush();
      const force = setTimeout(() => {
        logger.warn("shutdown timeout: closing remaining connections");
        httpServer.closeAllConnections();
      }, config.SHUTDOWN_TIMEOUT_MS);
      force.unref();
      // io.close() disconnects every socket, then closes the HTTP server, which stops
      // accepting and waits for requests already in flight to be answered.
      void io.close((error) => {
        clearTimeout(force);
        if (error && (error as NodeJS.ErrnoException).code !== "ERR_SERVER_NOT_RUNNING")
          logger.warn({ err: error }, "close");
        // After io.close(), which closed the adapter: nothing publishes to Redis any more.
        void (redis?.close() ?? Promise.resolve())
          .catch((redisError: unknown) => logger.warn({ err: redisError }, "redis close"))
          .then(() => resolve());
      });
      httpServer.closeIdleConnections();
    });
    return closing;
  };

  return { httpServer, io, url: `http://${host}:${port}`, close };
}
