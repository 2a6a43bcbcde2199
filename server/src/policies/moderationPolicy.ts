import { isStaff } from "./actor.js";
import { allow } from "./policy.js";

/**
 * The moderator dashboard and the audit log (with people's IP addresses): moderators and admins
 * only. There is no "read" rule, so everyone else is answered 404, like the other staff screens.
 */
allow<null>("Moderation", ["view", "audit"], (actor) => actor !== null && isStaff(actor));
