import type mongoose from "mongoose";
import type { PracticeDocument } from "../models/Practice.js";
import { practiceFacts, practiceSubject } from "./support/practiceEvent.js";
import { recordEvent } from "./recordEvent.js";
import { transitionPractice } from "./support/practiceTransition.js";
import type { RequestContext } from "../requestContext.js";

export interface PracticePublicSetterProps {
  practice: PracticeDocument;
  isPublic: boolean;
  actorId: mongoose.Types.ObjectId;
  context?: RequestContext;
}

/** A moderator opens a published practice to visitors without login, or closes it again. */
export async function practicePublicSetter(props: PracticePublicSetterProps): Promise<PracticeDocument> {
  if (props.practice.isPublic === props.isPublic) return props.practice;
  const updated = await transitionPractice(props.practice, ["published"], { isPublic: props.isPublic });
  await recordEvent({
    name: "practices.setPublic",
    actorId: props.actorId,
    ...practiceSubject(updated),
    data: practiceFacts(updated),
    context: props.context,
  });
  return updated;
}
