import type { RequestHandler } from "express";
import type { Config } from "../config.js";

declare module "express-session" {
  interface SessionData {
    /** When the user signed in (ms); the absolute timeout counts from here. */
    signedInAt: number;
    /** Last request seen (ms), for "my sessions"; updated at most once a minute. */
    lastSeenAt: number;
    userAgent: string;
    ip: string | null;
  }
}

const TOUCH_EVERY_MS = 60_000;

/**
 * Ends a signed-in session that passed the absolute limit, and keeps "last seen" fresh.
 * The idle limit is the cookie's rolling maxAge (see sessionStore.ts).
 */
export function sessionLifetime(config: Pick<Config, "SESSION_ABSOLUTE_HOURS">): RequestHandler {
  const absoluteMs = config.SESSION_ABSOLUTE_HOURS * 3_600_000;
  return (req, _res, next) => {
    if (!req.user) return next();
    const now = Date.now();
    const signedInAt = req.session.signedInAt ?? now;
    if (now - signedInAt > absoluteMs) {
      req.logout(() => req.session.destroy(() => next()));
      return;
    }
    if (!req.session.lastSeenAt || now - req.session.lastSeenAt > TOUCH_EVERY_MS) {
      req.session.lastSeenAt = now;
      req.session.ip = req.ip ?? null;
    }
    next();
  };
}

/** Records what "my sessions" shows about a fresh sign-in. */
export function stampSignIn(req: Parameters<RequestHandler>[0]): void {
  const now = Date.now();
  req.session.signedInAt = now;
  req.session.lastSeenAt = now;
  req.session.userAgent = String(req.headers["user-agent"] ?? "").slice(0, 300);
  req.session.ip = req.ip ?? null;
}
