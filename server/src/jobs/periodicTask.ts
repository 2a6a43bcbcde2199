import { recoverFromOutOfStepReply } from "../db/outOfStepReplies.js";
import { isDatabaseUnavailableError } from "../errors/databaseUnavailable.js";
import type { Logger } from "../logger.js";

export interface PeriodicTask {
  /** Runs the task now unless a run is under way (e.g. when the database returns); never throws. */
  runNow(): void;
  stop(): void;
}

/** A failed run is tried again this soon, unless the next regular run comes sooner. */
export const RETRY_AFTER_FAILURE_MS = 30_000;

/**
 * Runs `task` every `everyMs` inside the server process (first after `firstInMs`, default one period), never
 * overlapping a slow run with the next one. Timed work must never take the process down: a run that fails
 * (thrown or rejected, the database away or answering oddly) is logged with its label, tried again after
 * `retryInMs` (or at the next regular run, whichever is first), and its recovery is logged once. Timers are
 * unref'd: a pending run never keeps the process alive.
 */
export function runPeriodically(options: {
  everyMs: number;
  firstInMs?: number;
  retryInMs?: number;
  task: () => Promise<unknown>;
  logger: Logger;
  /** Names the task in the log when a run fails. */
  label: string;
}): PeriodicTask {
  const { everyMs, task, logger, label } = options;
  const retryInMs = options.retryInMs ?? Math.min(everyMs, RETRY_AFTER_FAILURE_MS);
  let running: Promise<unknown> | null = null;
  let stopped = false;
  let failuresInARow = 0;
  let interval: NodeJS.Timeout | undefined;
  let retry: NodeJS.Timeout | undefined;

  const failed = (error: unknown) => {
    failuresInARow += 1;
    const replaced = recoverFromOutOfStepReply(error);
    const details = { err: error, failuresInARow, retryInMs, connectionsReplaced: replaced };
    // An outage is expected to pass (the connection watcher reports it): a warning, not an error.
    if (isDatabaseUnavailableError(error)) logger.warn(details, `${label} failed, database unavailable; will retry`);
    else logger.error(details, `${label} failed; will retry`);
    if (stopped || retryInMs >= everyMs) return;
    clearTimeout(retry);
    retry = setTimeout(tick, retryInMs);
    retry.unref();
  };
  const succeeded = () => {
    if (failuresInARow > 0) logger.info({ failuresInARow }, `${label} works again`);
    failuresInARow = 0;
  };
  function tick(): void {
    if (stopped) return;
    // Promise.resolve().then: a task that throws before returning its promise is caught like one that rejects.
    running ??= Promise.resolve()
      .then(task)
      .then(succeeded, failed)
      .finally(() => (running = null));
  }

  const first = setTimeout(() => {
    tick();
    interval = setInterval(tick, everyMs);
    interval.unref();
  }, options.firstInMs ?? everyMs);
  first.unref();
  return {
    runNow: tick,
    stop: () => {
      stopped = true;
      clearTimeout(first);
      clearTimeout(retry);
      clearInterval(interval);
    },
  };
}
