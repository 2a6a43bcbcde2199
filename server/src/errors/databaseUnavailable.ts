import mongoose from "mongoose";
import { AppError } from "./AppError.js";
import { isOutOfStepReplyError } from "../db/outOfStepReplies.js";

/** Seconds a client is told to wait before retrying while the database is away (Retry-After). */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

export const DATABASE_UNAVAILABLE_CODE = "database_unavailable";

const READ_MESSAGE = "Nie możemy teraz wczytać danych, bo baza danych jest chwilowo niedostępna. Spróbuj za chwilę.";
const WRITE_MESSAGE =
  "Nie zapisaliśmy zmian, bo baza danych jest chwilowo niedostępna. Twój tekst został zachowany, spróbuj ponownie za chwilę.";

/** The driver's and mongoose's names for "the server is not there (any more)". */
const UNREACHABLE_ERROR_NAMES = new Set([
  "MongoServerSelectionError",
  "MongooseServerSelectionError",
  "MongoNetworkError",
  "MongoNetworkTimeoutError",
  "MongoNotConnectedError",
  "MongoPoolClearedError",
  "MongoServerClosedError",
  "MongoTopologyClosedError",
  "MongoExpiredSessionError",
]);

/** Labels the driver puts on errors that are safe to retry once the server is back. */
const RETRYABLE_LABELS = ["ResetPool", "RetryableWriteError", "NoWritesPerformed"];

function hasRetryableLabel(error: Error): boolean {
  const withLabels = error as Error & { hasErrorLabel?: (label: string) => boolean };
  return (
    typeof withLabels.hasErrorLabel === "function" && RETRYABLE_LABELS.some((label) => withLabels.hasErrorLabel!(label))
  );
}

/**
 * Whether an error means the database could not be reached (rather than refused the request):
 * such a request may simply be sent again later. Follows `cause` a few levels, since session
 * stores and mongoose wrap the driver's error. A reply the driver could not match to its command
 * counts too: the connection is replaced (db/outOfStepReplies.ts) and the same request then works.
 */
export function isDatabaseUnavailableError(error: unknown): boolean {
  if (isOutOfStepReplyError(error)) return true;
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current instanceof Error; depth += 1) {
    if (UNREACHABLE_ERROR_NAMES.has(current.name) || hasRetryableLabel(current)) return true;
    // mongoose with buffering on: "Operation `posts.insertOne()` buffering timed out after 10000ms".
    if (current instanceof mongoose.Error && /buffering timed out/.test(current.message)) return true;
    current = current.cause;
  }
  return false;
}

/** 503 for a request that met an absent database: reads and writes get their own Polish message. */
export function databaseUnavailable(kind: "read" | "write"): AppError {
  return new AppError(503, DATABASE_UNAVAILABLE_CODE, kind === "read" ? READ_MESSAGE : WRITE_MESSAGE, undefined, true);
}

/** GET and HEAD only read; everything else meant to change something. */
export const requestKind = (method: string): "read" | "write" =>
  method === "GET" || method === "HEAD" ? "read" : "write";
