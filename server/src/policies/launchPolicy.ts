import { allow } from "./policy.js";

/**
 * The launch checklist names the server's configuration (its address, its mail server): the administrators'
 * business, like the legal pages they fill in.
 */
allow<null>("LaunchChecklist", ["read"], (actor) => actor !== null && actor.role === "admin");
