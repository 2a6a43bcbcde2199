import type { Actor } from "../policies/actor.js";
import type { UserDocument } from "../models/User.js";

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace -- augmenting Express's own namespace is how its Request type is extended
  namespace Express {
    // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- passport's req.user takes our user document's shape
    interface User extends UserDocument {}
    interface Request {
      /** The signed-in user with their group roles, or null for a visitor. */
      actor: Actor | null;
    }
  }
}

export {};
