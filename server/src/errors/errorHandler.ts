import type { ErrorRequestHandler, RequestHandler } from "express";
import mongoose from "mongoose";
import { ZodError } from "zod";
import { AppError, badRequest, notFound } from "./AppError.js";
import { recoverFromOutOfStepReply } from "../db/outOfStepReplies.js";
import {
  DATABASE_RETRY_AFTER_SECONDS,
  databaseUnavailable,
  isDatabaseUnavailableError,
  requestKind,
} from "./databaseUnavailable.js";

function toAppError(error: unknown, method: string): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof ZodError) {
    const fields: Record<string, string> = {};
    for (const issue of error.issues) fields[issue.path.join(".") || "_"] ??= issue.message;
    return badRequest(error.issues[0]?.message ?? "Nieprawidłowe dane.", fields);
  }
  if (error instanceof mongoose.Error.CastError) return notFound();
  if (error instanceof mongoose.Error.StrictModeError) return badRequest("Nieprawidłowe parametry zapytania.");
  if (isDatabaseUnavailableError(error)) return databaseUnavailable(requestKind(method));
  if (typeof error === "object" && error !== null && "type" in error && error.type === "entity.parse.failed") {
    return badRequest("Nieprawidłowy format danych (oczekiwano JSON).");
  }
  if (typeof error === "object" && error !== null && "type" in error && error.type === "entity.too.large") {
    return new AppError(413, "payload_too_large", "Przesłane dane są zbyt duże.");
  }
  return new AppError(500, "internal_error", "Wystąpił nieoczekiwany błąd serwera. Spróbuj ponownie za chwilę.");
}

export const apiNotFoundHandler: RequestHandler = (_req, _res, next) => next(notFound("Nie ma takiego adresu API."));

export const errorHandler: ErrorRequestHandler = (error: unknown, req, res, _next) => {
  // A connection whose replies came out of step is replaced before anyone retries.
  if (recoverFromOutOfStepReply(error))
    req.log.warn({ err: error }, "database replies out of step: connections replaced");
  const appError = toAppError(error, req.method);
  // An outage is logged once by the connection watcher, not once per request.
  if (appError.retryable) req.log.warn({ err: error }, "database unavailable");
  else if (appError.status >= 500) req.log.error({ err: error }, "request failed");
  else if (appError !== error) req.log.debug({ err: error }, "request refused");
  if (appError.retryable) res.setHeader("Retry-After", String(DATABASE_RETRY_AFTER_SECONDS));
  res.status(appError.status).json({
    error: {
      code: appError.code,
      message: appError.message,
      ...(appError.fields ? { fields: appError.fields } : {}),
      ...(appError.retryable ? { retryable: true } : {}),
    },
  });
};
