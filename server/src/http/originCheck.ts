import type { IncomingMessage } from "node:http";
import type { RequestHandler } from "express";
import { AppError } from "../errors/AppError.js";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * A request a browser sends from another site carries that site's Origin (or
 * Sec-Fetch-Site: cross-site). Such requests may not change anything, on HTTP or on the
 * Socket.IO handshake. Clients that send no Origin at all (curl, tests) still need the CSRF token.
 */
export interface OriginSettings {
  /** PUBLIC_URL: when set, the only origin accepted. */
  publicUrl: string | undefined;
  /** TRUST_PROXY: believe X-Forwarded-Proto about TLS. */
  trustProxy: boolean;
}

export function isSameOrigin(request: IncomingMessage, settings: OriginSettings): boolean {
  if (request.headers["sec-fetch-site"] === "cross-site") return false;
  const origin = request.headers.origin;
  if (origin === undefined) return true;
  if (settings.publicUrl) return origin === new URL(settings.publicUrl).origin;
  const forwardedTls = settings.trustProxy && request.headers["x-forwarded-proto"] === "https";
  const tls = ("encrypted" in request.socket && request.socket.encrypted === true) || forwardedTls;
  return origin === `${tls ? "https" : "http"}://${request.headers.host}`;
}

export function originCheck(settings: OriginSettings): RequestHandler {
  return (req, _res, next) => {
    if (SAFE_METHODS.has(req.method) || isSameOrigin(req, settings)) return next();
    next(new AppError(403, "cross_origin", "Żądanie z innej witryny zostało odrzucone."));
  };
}
