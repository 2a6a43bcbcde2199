import { allow } from "./policy.js";
import type { UserSubject } from "./userPolicy.js";

/**
 * A person's data archive and consents log (RODO art. 7, 15, 20): the person themselves, and admins handling a request
 * made by letter. Moderators manage people but do not take their whole data.
 */
allow<UserSubject>("User", ["exportData", "readConsents"], (actor, user) => {
  if (!actor) return false;
  return actor.id === user._id.toString() || actor.role === "admin";
});

/**
 * The admins' RODO tools for requests made by letter (another person's archive and consents log, restricting
 * and erasing an account), shown on the users page; each action is then checked against the person.
 */
allow<null>("PersonalData", ["handleRequests"], (actor) => actor !== null && actor.role === "admin");
