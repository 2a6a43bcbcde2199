import type { RequestHandler } from "express";
import type { Actor } from "../policies/actor.js";
import type { UserDocument } from "../models/User.js";
import type { RequestContext } from "../requestContext.js";

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace -- augmenting Express's own namespace is how its Request type is extended
  namespace Express {
    // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- passport's req.user takes our user document's shape
    interface User extends UserDocument {}
    interface Request {
      /** The signed-in user with their group roles, or null for a visitor. */
      actor: Actor | null;
      /** Actor, address and request id, built once here and handed to commands. */
      context: RequestContext;
    }
  }
}

/** Builds `req.context` as a visitor's, right after the request id is known; signing in fills its actor. */
export const requestContext: RequestHandler = (req, _res, next) => {
  req.actor = null;
  req.context = { actor: null, ip: req.ip ?? null, requestId: typeof req.id === "string" ? req.id : String(req.id) };
  next();
};

/** The context once the actor is known (authentication.ts's attachActor). */
export function withActor(req: Express.Request, actor: Actor | null): void {
  req.actor = actor;
  req.context = { ...req.context, actor };
}
