import { pino, type Logger } from "pino";
import type { Config } from "./config.js";

export type { Logger };

export function createLogger(config: Pick<Config, "LOG_LEVEL" | "NODE_ENV">): Logger {
  return pino({
    level: config.NODE_ENV === "test" && config.LOG_LEVEL === "info" ? "warn" : config.LOG_LEVEL,
    base: { service: "forum-jst" },
    redact: { paths: ["req.headers.cookie", "req.headers.authorization", "*.password"], censor: "[ukryte]" },
  });
}
