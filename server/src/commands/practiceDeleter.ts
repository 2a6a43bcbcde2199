import type mongoose from "mongoose";
import { Attachment } from "../models/Attachment.js";
import { Practice, type PracticeDocument } from "../models/Practice.js";
import { PracticeReview } from "../models/PracticeReview.js";
import { PracticeVersion } from "../models/PracticeVersion.js";
import { practiceFacts, practiceSubject } from "./support/practiceEvent.js";
import { recordEvent } from "./recordEvent.js";
import type { RequestContext } from "../requestContext.js";

export interface PracticeDeleterProps {
  practice: PracticeDocument;
  actorId: mongoose.Types.ObjectId;
  context?: RequestContext;
}

/** Removes a practice with its versions and reviews; its files go back to their uploaders. */
export async function practiceDeleter(props: PracticeDeleterProps): Promise<void> {
  const { practice } = props;
  await Practice.deleteOne({ _id: practice._id });
  await Promise.all([
    PracticeVersion.deleteMany({ practiceId: practice._id }),
    PracticeReview.deleteMany({ practiceId: practice._id }),
    Attachment.updateMany({ practiceId: practice._id }, { $set: { practiceId: null } }),
  ]);
  await recordEvent({
    name: "practices.delete",
    actorId: props.actorId,
    ...practiceSubject(practice),
    data: { ...practiceFacts(practice), voivodeshipCodes: practice.voivodeshipCodes, tags: practice.tags },
    context: props.context,
  });
}
