import type { Actor } from "./policies/actor.js";

/**
 * Who asked for a change and from where, built once per HTTP request (http/requestContext.ts) or
 * socket event, and handed to every command: the command's event records the address and the
 * request id, so a line of the request log and the audit entry it caused can be matched.
 */
export interface RequestContext {
  /** The signed-in person with their group roles; null for visitors and the system. */
  actor: Actor | null;
  /** The client's address as Express sees it (behind a proxy: with TRUST_PROXY); null for the system. */
  ip: string | null;
  /** pino-http's request id (also sent back as X-Request-Id); null for the system. */
  requestId: string | null;
}

/** Changes made by the forum itself: the seed, scheduled jobs, the recovery of interrupted writes. */
export const SYSTEM_CONTEXT: RequestContext = Object.freeze({ actor: null, ip: null, requestId: null });
