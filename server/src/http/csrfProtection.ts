import { csrfSync } from "csrf-sync";
import type { Request, RequestHandler } from "express";
import { AppError } from "../errors/AppError.js";

/**
 * Synchronizer-token CSRF protection for the SPA: the token lives in the session and the
 * client sends it in the `x-csrf-token` header with every state-changing request.
 */
const { csrfSynchronisedProtection, generateToken } = csrfSync({
  getTokenFromRequest: (req) => {
    const header = req.headers["x-csrf-token"];
    return typeof header === "string" ? header : undefined;
  },
});

export const csrfInvalid = () =>
  new AppError(403, "csrf_invalid", "Sesja formularza wygasła. Odśwież stronę i spróbuj ponownie.");

export const requireCsrfToken: RequestHandler = (req, res, next) => {
  csrfSynchronisedProtection(req, res, (error?: unknown) => next(error ? csrfInvalid() : undefined));
};

/** The session's token: the same for the whole session, so several open tabs never invalidate each other. */
export const csrfTokenOf = (req: Request): string => generateToken(req, false);
