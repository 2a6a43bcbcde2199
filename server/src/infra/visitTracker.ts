import type { RequestHandler } from "express";
import type { Logger } from "../logger.js";
import { User } from "../models/User.js";

/** Requests closer together than this count as one visit. */
export const VISIT_GAP_MS = 60 * 60 * 1000;
/** How stale `lastSeenAt` may get before a request stamps it again (keeps writes rare). */
const STAMP_EVERY_MS = 5 * 60 * 1000;

/**
 * Remembers when a signed-in person was last here, so the home page can show what is new
 * since their previous visit. Bookkeeping about the reader, not forum content: it is written
 * directly and records no event, like lastLoginAt.
 */
export function visitTracker(logger: Logger): RequestHandler {
  return (req, _res, next) => {
    const user = req.user;
    if (!req.actor || !user) return next();
    const now = Date.now();
    const lastSeen = user.lastSeenAt ? user.lastSeenAt.getTime() : 0;
    if (now - lastSeen < STAMP_EVERY_MS) return next();
    const newVisit = lastSeen > 0 && now - lastSeen >= VISIT_GAP_MS;
    const update = newVisit
      ? { lastSeenAt: new Date(now), previousVisitAt: user.lastSeenAt }
      : { lastSeenAt: new Date(now) };
    User.updateOne({ _id: user._id }, { $set: update }).catch((error: unknown) =>
      logger.warn({ err: error }, "could not stamp the visit"),
    );
    next();
  };
}
