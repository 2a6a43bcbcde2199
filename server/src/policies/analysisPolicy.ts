import type mongoose from "mongoose";
import type { AnalysisStatus } from "@forum/shared";
import { allow } from "./policy.js";
import { isSilenced, isStaff, type Actor } from "./actor.js";

export interface AnalysisSubject {
  authorId: mongoose.Types.ObjectId;
  status: AnalysisStatus;
  isPublic: boolean;
}

const isAuthor = (actor: Actor, analysis: AnalysisSubject): boolean => analysis.authorId.toString() === actor.id;
const writesAnalyses = (actor: Actor): boolean =>
  actor.status === "active" && (isStaff(actor) || actor.role === "expert");

/** Published: the network (and visitors when public). A draft: its author and the moderators. */
allow<AnalysisSubject>("Analysis", ["read"], (actor, analysis) => {
  if (analysis.status === "published" && analysis.isPublic) return true;
  if (!actor) return false;
  if (analysis.status === "published") return true;
  return isAuthor(actor, analysis) || isStaff(actor);
});

/** Moderators and experts write thematic analyses. */
allow<null>("Analysis", ["create"], (actor) => actor !== null && writesAnalyses(actor));

allow<AnalysisSubject>("Analysis", ["update", "publish", "delete"], (actor, analysis) => {
  if (!actor || !writesAnalyses(actor)) return false;
  return isStaff(actor) || isAuthor(actor, analysis);
});

allow<AnalysisSubject>(
  "Analysis",
  ["setPublic"],
  (actor, analysis) => actor !== null && isStaff(actor) && analysis.status === "published",
);

/** Members comment on each section of a published analysis. */
allow<AnalysisSubject>("Analysis", ["comment"], (actor, analysis) => {
  if (!actor || actor.status !== "active" || isSilenced(actor)) return false;
  return analysis.status === "published";
});

/** Hiding a comment: moderators. */
allow<AnalysisSubject>("Analysis", ["moderateComments"], (actor) => actor !== null && isStaff(actor));

/** The analyses list shows moderators every draft; others see the published ones and their own drafts. */
allow<null>("Analysis", ["readAllDrafts"], (actor) => actor !== null && isStaff(actor));

/** Publishing an analysis for visitors too (not only the network) is a moderator's call. */
allow<AnalysisSubject>("Analysis", ["publishPublicly"], (actor) => actor !== null && isStaff(actor));
