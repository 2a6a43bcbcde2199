import { forbidden, notFound, unauthorized } from "../errors/AppError.js";
import { processingRestricted } from "../domain/processingRestriction.js";
import { silenceMessage } from "../domain/silenceStatus.js";
import { isSilenced, type Actor } from "./actor.js";

/** A rule's "no" that says why, for a person who can see the subject: `refuse("Nie można …")` (403 with it). */
export class Refusal {
  constructor(readonly message: string) {}
}
export const refuse = (message: string): Refusal => new Refusal(message);

/** A rule: may this actor (null = visitor) do the action on this subject? */
type Rule<Subject> = (actor: Actor | null, subject: Subject) => boolean | Refusal;

const rules = new Map<string, Rule<unknown>>();

/** Declares who may do the given actions on a kind of subject (Outline style). */
export function allow<Subject>(subjectType: string, actions: readonly string[], rule: Rule<Subject>): void {
  for (const action of actions) rules.set(`${subjectType}:${action}`, rule as Rule<unknown>);
}

export function can<Subject>(actor: Actor | null, action: string, subjectType: string, subject: Subject): boolean {
  if (actor && actor.status !== "active") return false;
  if (actor?.restricted && RESTRICTED_WRITES.has(`${subjectType}:${action}`)) return false;
  const rule = rules.get(`${subjectType}:${action}`);
  if (!rule) throw new Error(`No policy declared for ${subjectType}:${action}`);
  return rule(actor, subject) === true;
}

/**
 * Throws unless allowed. Things the actor may not even read answer 404, so that
 * their existence does not leak (a group-B thread looks like no thread at all).
 */
export function authorize<Subject>(actor: Actor | null, action: string, subjectType: string, subject: Subject): void {
  if (can(actor, action, subjectType, subject)) return;
  if (!actor) throw unauthorized();
  if (action !== "read" && canRead(actor, subjectType, subject)) {
    const verdict = rules.get(`${subjectType}:${action}`)?.(actor, subject);
    if (verdict instanceof Refusal) throw forbidden(verdict.message);
    if (actor.restricted && RESTRICTED_WRITES.has(`${subjectType}:${action}`)) throw processingRestricted();
    if (actor.silence && isSilenced(actor) && SILENCED_ACTIONS.has(action))
      throw forbidden(silenceMessage(actor.silence));
    throw forbidden();
  }
  throw notFound();
}

/** What a person whose data processing is restricted (RODO art. 18/21) may not do: write anything new. */
const RESTRICTED_WRITES = new Set([
  "Thread:reply",
  "Category:createThread",
  "Post:edit",
  "Post:react",
  "Post:flag",
  "Attachment:upload",
  "Meeting:chat",
  "Analysis:create",
  "Analysis:comment",
  "Practice:create",
  "Practice:createFromSource",
  "Practice:update",
  "Practice:submit",
]);

/** Writes a silenced person is refused (the rules check `isSilenced`); the refusal says why and until when. */
const SILENCED_ACTIONS = new Set(["reply", "createThread", "react", "flag"]);

function canRead(actor: Actor, subjectType: string, subject: unknown): boolean {
  return rules.has(`${subjectType}:read`) && can(actor, "read", subjectType, subject);
}
