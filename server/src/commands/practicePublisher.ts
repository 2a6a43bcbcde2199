import type mongoose from "mongoose";
import type { PracticeDocument } from "../models/Practice.js";
import { practiceFacts, practiceSubject } from "./support/practiceEvent.js";
import { recordEvent } from "./recordEvent.js";
import { transitionPractice } from "./support/practiceTransition.js";
import type { RequestContext } from "../requestContext.js";

export interface PracticePublisherProps {
  practice: PracticeDocument;
  /** Moderator's choice: visitors may read it too. */
  isPublic: boolean;
  actorId: mongoose.Types.ObjectId;
  context?: RequestContext;
}

/** A moderator puts a reviewed practice into the library of the whole network. */
export async function practicePublisher(props: PracticePublisherProps): Promise<PracticeDocument> {
  const updated = await transitionPractice(props.practice, ["submitted", "inReview"], {
    status: "published",
    isPublic: props.isPublic,
    publishedAt: new Date(),
    publishedById: props.actorId,
  });
  await recordEvent({
    name: "practices.publish",
    actorId: props.actorId,
    ...practiceSubject(updated),
    data: { ...practiceFacts(updated), voivodeshipCodes: updated.voivodeshipCodes, tags: updated.tags },
    context: props.context,
  });
  return updated;
}
