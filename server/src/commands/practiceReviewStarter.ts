import type mongoose from "mongoose";
import type { PracticeDocument } from "../models/Practice.js";
import { practiceFacts, practiceSubject } from "./support/practiceEvent.js";
import { recordEvent } from "./recordEvent.js";
import { transitionPractice } from "./support/practiceTransition.js";
import type { RequestContext } from "../requestContext.js";

export interface PracticeReviewStarterProps {
  practice: PracticeDocument;
  reviewerId: mongoose.Types.ObjectId;
  context?: RequestContext;
}

/** An expert takes a submitted practice: others see who is reviewing it. */
export async function practiceReviewStarter(props: PracticeReviewStarterProps): Promise<PracticeDocument> {
  const updated = await transitionPractice(props.practice, ["submitted"], {
    status: "inReview",
    reviewerId: props.reviewerId,
  });
  await recordEvent({
    name: "practices.startReview",
    actorId: props.reviewerId,
    ...practiceSubject(updated),
    data: { ...practiceFacts(updated), reviewerId: props.reviewerId.toString() },
    context: props.context,
  });
  return updated;
}
