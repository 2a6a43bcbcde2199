import { randomUUID } from "node:crypto";
import type { IncomingHttpHeaders } from "node:http";
import type { Actor } from "../policies/actor.js";
import type { RequestContext } from "../requestContext.js";

/**
 * The client's address as the handshake shows it. Behind a proxy (TRUST_PROXY) it is the last address the proxy
 * added to X-Forwarded-For, which is what Express's `req.ip` takes with "trust proxy" set to one hop.
 */
export function handshakeAddress(
  handshake: { address: string; headers: IncomingHttpHeaders },
  trustProxy: boolean,
): string | null {
  const forwarded = handshake.headers["x-forwarded-for"];
  const hops = (Array.isArray(forwarded) ? forwarded.join(",") : (forwarded ?? ""))
    .split(",")
    .map((hop) => hop.trim())
    .filter(Boolean);
  return (trustProxy ? hops.at(-1) : undefined) ?? (handshake.address || null);
}

/**
 * The request context of one socket event, as HTTP builds one per request: the connection's actor as it is now
 * (a silence or a new group changes it mid-connection), the address found at the handshake, and an id of its own,
 * which the event the command records carries.
 */
export function socketEventContext(socket: { data: { actor: Actor | null; address: string | null } }): RequestContext {
  return { actor: socket.data.actor, ip: socket.data.address, requestId: randomUUID() };
}
