import type mongoose from "mongoose";
import type { PracticeDocument } from "../models/Practice.js";
import { practiceFacts, practiceSubject } from "./support/practiceEvent.js";
import { recordEvent } from "./recordEvent.js";
import { transitionPractice } from "./support/practiceTransition.js";
import type { RequestContext } from "../requestContext.js";

export interface PracticeUnpublisherProps {
  practice: PracticeDocument;
  actorId: mongoose.Types.ObjectId;
  context?: RequestContext;
}

/** A moderator withdraws a practice from the library; it goes back to its author (returned) to be corrected. */
export async function practiceUnpublisher(props: PracticeUnpublisherProps): Promise<PracticeDocument> {
  const updated = await transitionPractice(props.practice, ["published"], {
    status: "returned",
    isPublic: false,
    publishedAt: null,
    publishedById: null,
  });
  await recordEvent({
    name: "practices.unpublish",
    actorId: props.actorId,
    ...practiceSubject(updated),
    data: { ...practiceFacts(updated), voivodeshipCodes: updated.voivodeshipCodes, tags: updated.tags },
    context: props.context,
  });
  return updated;
}
