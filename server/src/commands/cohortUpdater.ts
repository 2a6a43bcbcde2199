import type mongoose from "mongoose";
import type { CohortUpdateInput } from "@forum/shared";
import { isDuplicateKeyError } from "../db/duplicateKey.js";
import { badRequest, conflict, notFound } from "../errors/AppError.js";
import { Cohort, type CohortDocument } from "../models/Cohort.js";
import { Group } from "../models/Group.js";
import { highestMeetingNumber } from "../queries/cohortMeetings.js";
import { recordEvent } from "./recordEvent.js";
import { changedFields, cohortFacts } from "../domain/programmeFacts.js";
import type { RequestContext } from "../requestContext.js";

export interface CohortUpdaterProps {
  cohortId: mongoose.Types.ObjectId;
  input: CohortUpdateInput;
  actorId: mongoose.Types.ObjectId;
  context?: RequestContext;
}

/**
 * Changes a cohort. A new name is written into its groups too (they keep the name for lists and
 * exports); the number of sessions cannot drop below a session number one of its groups already has.
 */
export async function cohortUpdater(props: CohortUpdaterProps): Promise<CohortDocument> {
  const before = await Cohort.findById(props.cohortId).lean();
  if (!before) throw notFound();
  const merged = { ...cohortFacts(before), ...props.input };
  if (merged.endsOn < merged.startsOn)
    throw badRequest("Edycja nie może skończyć się przed rozpoczęciem.", {
      endsOn: "Edycja nie może skończyć się przed rozpoczęciem.",
    });
  if (props.input.sessionCount !== undefined && props.input.sessionCount < before.sessionCount) {
    const highest = await highestMeetingNumber(before._id);
    if (highest > props.input.sessionCount) {
      const message = `Grupy tej edycji mają już spotkanie nr ${highest}: liczba spotkań nie może być mniejsza.`;
      throw badRequest(message, { sessionCount: message });
    }
  }
  let updated: CohortDocument | null;
  try {
    updated = await Cohort.findOneAndUpdate(
      { _id: before._id },
      { $set: props.input },
      { returnDocument: "after" },
    ).lean();
  } catch (error) {
    if (isDuplicateKeyError(error)) throw conflict("Edycja o tej nazwie już istnieje.");
    throw error;
  }
  if (!updated) throw notFound();
  if (props.input.name !== undefined && props.input.name !== before.name)
    await Group.updateMany({ cohortId: before._id }, { $set: { cohort: updated.name } });
  const change = changedFields(cohortFacts(before), cohortFacts(updated));
  if (Object.keys(change.after).length > 0)
    await recordEvent({
      name: "cohorts.update",
      actorId: props.actorId,
      subjectType: "Cohort",
      subjectId: before._id,
      data: change,
      context: props.context,
    });
  return updated;
}
