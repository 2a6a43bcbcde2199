import type mongoose from "mongoose";
import { allow, refuse } from "./policy.js";
import { ARCHIVED_GROUP_MESSAGE, facilitates, inArchivedGroup, isStaff } from "./actor.js";

/**
 * Running the programme (issue 17): cohorts, groups from creation to archive, their rosters and the
 * onboarding of a cohort from a participant list are ZMP's (moderators and admins). A group's
 * facilitators see its roster (and download it); changing who is in a group stays with ZMP.
 */

export interface ProgrammeGroupSubject {
  _id: mongoose.Types.ObjectId;
}

/**
 * Cohorts and the programme screens (lists of every group with its cohort, the onboarding page), and
 * creating a group: asked of the programme, not of a group, since there is no group yet to read (so a
 * refusal is the same 404 as every other staff tool's).
 */
allow<null>("Programme", ["manage", "createGroup"], (actor) => actor !== null && isStaff(actor));

/** Editing groups, archiving them and restoring them from the archive. */
allow<ProgrammeGroupSubject>("Group", ["edit", "archive"], (actor) => actor !== null && isStaff(actor));

/** The roster with positions, activity and attendance: ZMP, and the group's own facilitators. */
allow<ProgrammeGroupSubject>("Group", ["seeRoster"], (actor, group) => {
  if (!actor) return false;
  return isStaff(actor) || facilitates(actor, group._id);
});

/**
 * Adding, removing and moving people, and naming facilitators: ZMP, never in an archived group (its
 * roster is the record of who took part; restore it from the archive first).
 */
allow<ProgrammeGroupSubject>("Group", ["manageMembers"], (actor, group) => {
  if (!actor || !isStaff(actor)) return false;
  return inArchivedGroup(actor, group._id) ? refuse(ARCHIVED_GROUP_MESSAGE) : true;
});
