import type { Logger } from "../logger.js";

export interface PeriodicTask {
  stop(): void;
}

/**
 * Runs `task` every `everyMs` inside the server process (first after `firstInMs`, default one period), never
 * overlapping a slow run with the next one. Timers are unref'd: a pending run never keeps the process alive.
 */
export function runPeriodically(options: {
  everyMs: number;
  firstInMs?: number;
  task: () => Promise<unknown>;
  logger: Logger;
  /** Names the task in the log when a run fails. */
  label: string;
}): PeriodicTask {
  const { everyMs, task, logger, label } = options;
  let running: Promise<unknown> | null = null;
  let interval: NodeJS.Timeout | undefined;
  const tick = () => {
    running ??= task()
      .catch((error: unknown) => logger.error({ err: error }, `${label} failed`))
      .finally(() => (running = null));
  };
  const first = setTimeout(() => {
    tick();
    interval = setInterval(tick, everyMs);
    interval.unref();
  }, options.firstInMs ?? everyMs);
  first.unref();
  return {
    stop: () => {
      clearTimeout(first);
      clearInterval(interval);
    },
  };
}
