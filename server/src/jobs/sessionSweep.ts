import type { Config } from "../config.js";
import { sessionCollection } from "../infra/sessionStore.js";
import type { Logger } from "../logger.js";
import { runPeriodically, type PeriodicTask } from "./periodicTask.js";

/**
 * Removes the sessions whose expiry has passed (express-session never reads them again). An acknowledged
 * delete, unlike connect-mongo's own sweep (w: 0): FerretDB replies even to unacknowledged writes, and an
 * unexpected reply puts the connection out of step with the driver (see db/outOfStepReplies.ts).
 */
export async function removeExpiredSessions(now = new Date()): Promise<number> {
  const result = await sessionCollection().deleteMany({ expires: { $lt: now } });
  return result.deletedCount;
}

/** The sweep, every SESSION_SWEEP_INTERVAL_MS in every process (deleting twice is harmless). */
export function startSessionSweep(options: {
  config: Pick<Config, "SESSION_SWEEP_INTERVAL_MS">;
  logger: Logger;
}): PeriodicTask {
  const { config, logger } = options;
  return runPeriodically({
    everyMs: config.SESSION_SWEEP_INTERVAL_MS,
    task: async () => {
      const removed = await removeExpiredSessions();
      if (removed > 0) logger.debug({ removed }, "expired sessions removed");
    },
    logger,
    label: "session sweep",
  });
}
