import mongoose from "mongoose";
import type { Logger } from "../logger.js";
import { runPeriodically } from "./periodicTask.js";

const { MongoUnexpectedServerResponseError } = mongoose.mongo;

/** A logger that keeps what was logged, by level. */
function recordingLogger() {
  const lines: { level: string; message: string; details: Record<string, unknown> }[] = [];
  const at =
    (level: string) =>
    (details: Record<string, unknown> | string, message?: string): void => {
      lines.push(
        typeof details === "string" ? { level, message: details, details: {} } : { level, message: message!, details },
      );
    };
  const logger = { error: at("error"), warn: at("warn"), info: at("info"), debug: at("debug") } as unknown as Logger;
  return { logger, lines };
}

const waitFor = async (condition: () => boolean, ms = 3_000) => {
  const end = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > end) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
};

describe("runPeriodically", () => {
  it("logs a run that fails with the driver's out-of-step reply, retries it soon and keeps running", async () => {
    const { logger, lines } = recordingLogger();
    let calls = 0;
    const task = runPeriodically({
      firstInMs: 0,
      // The regular period is long: only the retry after a failure can bring the next runs this soon.
      everyMs: 60_000,
      retryInMs: 20,
      logger,
      label: "digest pass",
      task: () => {
        calls += 1;
        // Thrown before any promise exists, then rejected: both are caught.
        if (calls === 1) throw new MongoUnexpectedServerResponseError('BSON element "cursor" is missing');
        if (calls === 2)
          return Promise.reject(new MongoUnexpectedServerResponseError('BSON element "cursor" is missing'));
        return Promise.resolve();
      },
    });
    try {
      await waitFor(() => lines.some((line) => line.message === "digest pass works again"));
    } finally {
      task.stop();
    }
    expect(calls).toBe(3);
    const failures = lines.filter((line) => line.message.startsWith("digest pass failed"));
    expect(failures.map((line) => [line.level, line.details.failuresInARow])).toEqual([
      ["warn", 1],
      ["warn", 2],
    ]);
    expect(String(failures[0]?.details.err)).toContain('"cursor" is missing');
  });

  it("logs other failures as errors and runs again at the next period", async () => {
    const { logger, lines } = recordingLogger();
    let calls = 0;
    const task = runPeriodically({
      firstInMs: 0,
      everyMs: 20,
      logger,
      label: "attendance upkeep",
      task: async () => {
        calls += 1;
        if (calls <= 2) throw new TypeError("stay is undefined");
      },
    });
    try {
      await waitFor(() => calls >= 4);
    } finally {
      task.stop();
    }
    expect(lines.filter((line) => line.level === "error").map((line) => line.message)).toEqual([
      "attendance upkeep failed; will retry",
      "attendance upkeep failed; will retry",
    ]);
    expect(lines.filter((line) => line.level === "info").map((line) => line.message)).toEqual([
      "attendance upkeep works again",
    ]);
  });

  it("never overlaps a slow run, runs on demand, and stops", async () => {
    const { logger } = recordingLogger();
    let running = 0;
    let most = 0;
    let calls = 0;
    const task = runPeriodically({
      firstInMs: 0,
      everyMs: 5,
      logger,
      label: "write recovery pass",
      task: async () => {
        calls += 1;
        running += 1;
        most = Math.max(most, running);
        await new Promise((resolve) => setTimeout(resolve, 30));
        running -= 1;
      },
    });
    await waitFor(() => calls >= 3);
    task.runNow();
    task.stop();
    const stoppedAt = calls;
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(most).toBe(1);
    expect(calls).toBeLessThanOrEqual(stoppedAt + 1);
  });
});
