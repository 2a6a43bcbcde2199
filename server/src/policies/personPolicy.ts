import type { Role, UserStatus } from "@forum/shared";
import { isStaff, readsAllGroups, type Actor } from "./actor.js";
import { allow, can } from "./policy.js";

/** Someone's public card (name, JST, position), as a mention links to it. */
export interface PersonSubject {
  id: string;
  role: Role;
  /** Groups the person belongs to. */
  groupIds: string[];
  /** Opted into the leaders' directory: visible to every signed-in person. */
  directoryListing: boolean;
  /** The account's effective status (active when not given). */
  status?: UserStatus;
}

/**
 * A signed-in person sees the cards of people they meet in the forum anyway: members of their
 * own groups, ZMP staff and experts (who read everywhere), and anyone listed in the directory.
 * Everyone else answers 404, so a username reveals nothing about other groups.
 */
allow<PersonSubject>("Person", ["read"], (actor, person) => {
  if (!actor) return false;
  // Moderators still open a suspended person's page: that is where the suspension is lifted.
  if (person.status === "suspended") return isStaff(actor);
  if ((person.status ?? "active") !== "active") return false;
  if (actor.id === person.id || readsAllGroups(actor) || person.directoryListing) return true;
  if (person.role !== "member") return true;
  return person.groupIds.some((groupId) => actor.groups.has(groupId));
});

/** A signed-in member who shares no group with anyone: what "known to every signed-in person" is asked as. */
const STRANGER: Actor = { id: "", role: "member", status: "active", groups: new Map() };

/** Whether every signed-in person may read this card (the search index files such people for everyone). */
export const knownToEveryMember = (person: PersonSubject): boolean => can(STRANGER, "read", "Person", person);
