import type mongoose from "mongoose";
import type { CohortCreateInput } from "@forum/shared";
import { isDuplicateKeyError } from "../db/duplicateKey.js";
import { conflict } from "../errors/AppError.js";
import { Cohort, type CohortDocument } from "../models/Cohort.js";
import { recordEvent } from "./recordEvent.js";
import { cohortFacts } from "../domain/programmeFacts.js";
import type { RequestContext } from "../requestContext.js";

export interface CohortCreatorProps {
  input: CohortCreateInput;
  actorId: mongoose.Types.ObjectId | null;
  context?: RequestContext;
}

export const cohortNameTaken = () => conflict("Edycja o tej nazwie już istnieje.");

/** A new edition of the programme (nabór); its name is unique, so a list of groups can name it. */
export async function cohortCreator(props: CohortCreatorProps): Promise<CohortDocument> {
  let cohort: CohortDocument;
  try {
    cohort = (await Cohort.create(props.input)).toObject() as CohortDocument;
  } catch (error) {
    if (isDuplicateKeyError(error)) throw cohortNameTaken();
    throw error;
  }
  await recordEvent({
    name: "cohorts.create",
    actorId: props.actorId,
    subjectType: "Cohort",
    subjectId: cohort._id,
    data: { after: cohortFacts(cohort) },
    context: props.context,
  });
  return cohort;
}
