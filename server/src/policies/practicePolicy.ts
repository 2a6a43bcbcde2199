import type mongoose from "mongoose";
import type { PracticeStatus } from "@forum/shared";
import { allow, can } from "./policy.js";
import type { ThreadSubject } from "./threadPolicy.js";
import { isSilenced, isStaff, readsAllGroups, type Actor } from "./actor.js";

export interface PracticeSubject {
  authorId: mongoose.Types.ObjectId;
  status: PracticeStatus;
  isPublic: boolean;
}

const isAuthor = (actor: Actor, practice: PracticeSubject): boolean => practice.authorId.toString() === actor.id;
const writes = (actor: Actor): boolean => actor.status === "active" && !isSilenced(actor);

/**
 * Published practices belong to the whole network; a public one also to visitors. Before that: the author, the
 * experts who review and the moderators who publish.
 */
allow<PracticeSubject>("Practice", ["read"], (actor, practice) => {
  if (practice.status === "published" && practice.isPublic) return true;
  if (!actor) return false;
  if (practice.status === "published") return true;
  return isAuthor(actor, practice) || readsAllGroups(actor);
});

/** Any signed-in person who may write describes a practice (from scratch, or from a thread or post). */
allow<null>("Practice", ["create"], (actor) => actor !== null && writes(actor));

/** A thread or post turned into a practice draft: who wrote it, and the thread's group. */
export interface PracticeSourceSubject {
  authorId: mongoose.Types.ObjectId;
  groupId: mongoose.Types.ObjectId | null;
}

/** Only the words' author (or a moderator) may turn a thread or post into a practice, and only one they can read. */
allow<PracticeSourceSubject>("Practice", ["createFromSource"], (actor, source) => {
  if (!actor || !writes(actor)) return false;
  if (!can<ThreadSubject>(actor, "read", "Thread", { groupId: source.groupId })) return false;
  return isStaff(actor) || source.authorId.toString() === actor.id;
});

/** The author edits while the text is theirs (draft, returned); moderators curate at any stage. */
allow<PracticeSubject>("Practice", ["update"], (actor, practice) => {
  if (!actor || !writes(actor)) return false;
  if (isStaff(actor)) return true;
  return isAuthor(actor, practice) && (practice.status === "draft" || practice.status === "returned");
});

allow<PracticeSubject>("Practice", ["submit"], (actor, practice) => {
  if (!actor || !writes(actor) || !isAuthor(actor, practice)) return false;
  return practice.status === "draft" || practice.status === "returned";
});

/** Experts of the incubator (and moderators) review submitted practices, never their own. */
allow<PracticeSubject>("Practice", ["review"], (actor, practice) => {
  if (!actor || !writes(actor) || isAuthor(actor, practice)) return false;
  if (!(actor.role === "expert" || isStaff(actor))) return false;
  return practice.status === "submitted" || practice.status === "inReview";
});

/** Publishing, withdrawing and the public flag: ZMP moderators. */
allow<PracticeSubject>("Practice", ["publish"], (actor, practice) => {
  if (!actor || !isStaff(actor)) return false;
  return practice.status === "submitted" || practice.status === "inReview";
});
allow<PracticeSubject>("Practice", ["unpublish", "setPublic"], (actor, practice) => {
  if (!actor || !isStaff(actor)) return false;
  return practice.status === "published";
});

/** The history of drafts is the writers' and reviewers' working material, not part of the published page. */
allow<PracticeSubject>("Practice", ["readVersions"], (actor, practice) => {
  if (!actor) return false;
  return isAuthor(actor, practice) || readsAllGroups(actor);
});

allow<PracticeSubject>("Practice", ["delete"], (actor, practice) => {
  if (!actor) return false;
  if (isStaff(actor)) return true;
  return isAuthor(actor, practice) && practice.status === "draft";
});

/** The review queue (submitted practices) is listed to experts and moderators, who review. */
allow<null>("Practice", ["listForReview"], (actor) => actor !== null && readsAllGroups(actor));

/** Recommended practices waiting for publication are listed to moderators, who publish. */
allow<null>("Practice", ["listForPublishing"], (actor) => actor !== null && isStaff(actor));

/**
 * The author, experts and staff read every opinion (the incubator's working notes); once the practice is published,
 * everyone else sees the recommending ones as "Opinia eksperta".
 */
allow<PracticeSubject>("Practice", ["readAllReviews"], (actor, practice) => {
  if (!actor) return false;
  return isAuthor(actor, practice) || readsAllGroups(actor);
});
