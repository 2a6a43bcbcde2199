import { isStaff } from "./actor.js";
import { allow } from "./policy.js";

/**
 * The review queue of flags and what moderators do from it (resolve flags, write to a post's
 * author). Members and experts never see who reported whom.
 */
allow<null>("Flag", ["review", "resolve", "messageAuthor"], (actor) => actor !== null && isStaff(actor));
