import type mongoose from "mongoose";
import { DEFAULT_SESSION_COUNT } from "@forum/shared";
import { anyOf } from "../db/anyOf.js";
import { Cohort } from "../models/Cohort.js";
import { Group } from "../models/Group.js";
import { Meeting } from "../models/Meeting.js";

/** A cohort has at most this many groups (100 at stage two); a bound, not a page. */
const GROUPS_PER_COHORT_MAX = 1_000;

/** The highest session number any group of the cohort has scheduled (0 when none). */
export async function highestMeetingNumber(cohortId: mongoose.Types.ObjectId): Promise<number> {
  const groups = await Group.find({ cohortId }, { _id: 1 }).limit(GROUPS_PER_COHORT_MAX).lean();
  if (groups.length === 0) return 0;
  const highest = await Meeting.findOne({ groupId: anyOf(groups.map((group) => group._id)) }, { number: 1 })
    .sort({ number: -1 })
    .lean();
  return highest?.number ?? 0;
}

/** How many sessions the group holds: its cohort's number, 9 for a group without a cohort. */
export async function sessionCountOf(group: { cohortId?: mongoose.Types.ObjectId | null }): Promise<number> {
  if (!group.cohortId) return DEFAULT_SESSION_COUNT;
  const cohort = await Cohort.findById(group.cohortId, { sessionCount: 1 }).lean();
  return cohort?.sessionCount ?? DEFAULT_SESSION_COUNT;
}
