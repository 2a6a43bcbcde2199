import type mongoose from "mongoose";
import { badRequest } from "../errors/AppError.js";
import type { PracticeDocument } from "../models/Practice.js";
import { practiceFacts, practiceSubject } from "./support/practiceEvent.js";
import { recordEvent } from "./recordEvent.js";
import { transitionPractice } from "./support/practiceTransition.js";
import type { RequestContext } from "../requestContext.js";

export interface PracticeSubmitterProps {
  practice: PracticeDocument;
  actorId: mongoose.Types.ObjectId;
  context?: RequestContext;
}

/** The author hands a draft (or a returned practice) to the experts; what a review needs must be written. */
export async function practiceSubmitter(props: PracticeSubmitterProps): Promise<PracticeDocument> {
  const { practice } = props;
  const missing: Record<string, string> = {};
  if (!practice.summary.trim()) missing.summary = "Napisz streszczenie praktyki.";
  if (!practice.context?.markdown.trim()) missing.context = "Opisz kontekst i problem.";
  if (!practice.actions?.markdown.trim()) missing.actions = "Opisz, co zostało zrobione.";
  if (practice.jstIds.length === 0) missing.jsts = "Wskaż co najmniej jedną JST.";
  if (Object.keys(missing).length > 0) {
    throw badRequest(`Przed przesłaniem do recenzji uzupełnij: ${Object.values(missing).join(" ")}`, missing);
  }
  const updated = await transitionPractice(practice, ["draft", "returned"], {
    status: "submitted",
    submittedAt: new Date(),
    reviewerId: null,
  });
  await recordEvent({
    name: "practices.submit",
    actorId: props.actorId,
    ...practiceSubject(updated),
    data: practiceFacts(updated),
    context: props.context,
  });
  return updated;
}
