import type { SocketAck } from "@forum/shared";
import { AppError } from "../errors/AppError.js";
import { databaseUnavailable, isDatabaseUnavailableError } from "../errors/databaseUnavailable.js";
import { recoverFromOutOfStepReply } from "../db/outOfStepReplies.js";
import type { Logger } from "../logger.js";

const SERVER_ERROR = "Błąd serwera. Spróbuj ponownie.";

/**
 * The ack for a socket request that threw: the user's message of an AppError, the HTTP API's
 * retryable "database unavailable" answer during an outage, else a generic error (logged).
 */
export function failureAck(error: unknown, kind: "read" | "write", logger: Logger, what: string): SocketAck {
  if (recoverFromOutOfStepReply(error))
    logger.warn({ err: error }, "database replies out of step: connections replaced");
  if (isDatabaseUnavailableError(error)) {
    logger.warn({ err: error }, `${what}: database unavailable`);
    return { ok: false, error: databaseUnavailable(kind).message, retryable: true };
  }
  if (error instanceof AppError)
    return { ok: false, error: error.message, ...(error.retryable ? { retryable: true } : {}) };
  logger.error({ err: error }, `${what} failed`);
  return { ok: false, error: SERVER_ERROR };
}
