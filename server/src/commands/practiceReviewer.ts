import type mongoose from "mongoose";
import type { PracticeReviewVerdict } from "@forum/shared";
import type { PracticeDocument } from "../models/Practice.js";
import { PracticeReview, type PracticeReviewDocument } from "../models/PracticeReview.js";
import { renderMarkdown } from "../infra/markdown.js";
import { practiceFacts, practiceSubject } from "./support/practiceEvent.js";
import { recordEvent } from "./recordEvent.js";
import { transitionPractice } from "./support/practiceTransition.js";
import type { RequestContext } from "../requestContext.js";

export interface PracticeReviewerProps {
  practice: PracticeDocument;
  reviewerId: mongoose.Types.ObjectId;
  verdict: PracticeReviewVerdict;
  opinion: string;
  context?: RequestContext;
}

/**
 * An expert's written opinion. "revise" returns the practice to its author with the comments; "recommend" keeps it in
 * review for a moderator to publish. A submitted practice reviewed directly is taken by this expert first.
 */
export async function practiceReviewer(
  props: PracticeReviewerProps,
): Promise<{ practice: PracticeDocument; review: PracticeReviewDocument }> {
  const returned = props.verdict === "revise";
  const updated = await transitionPractice(props.practice, ["submitted", "inReview"], {
    status: returned ? "returned" : "inReview",
    reviewerId: props.reviewerId,
  });
  const created = await PracticeReview.create({
    practiceId: updated._id,
    reviewerId: props.reviewerId,
    verdict: props.verdict,
    opinion: { markdown: props.opinion, html: renderMarkdown(props.opinion) },
    version: updated.version,
  });
  const review = created.toObject() as PracticeReviewDocument;
  await recordEvent({
    name: returned ? "practices.return" : "practices.review",
    actorId: props.reviewerId,
    ...practiceSubject(updated),
    data: { ...practiceFacts(updated), verdict: props.verdict, reviewId: review._id.toString() },
    context: props.context,
  });
  return { practice: updated, review };
}
