import type mongoose from "mongoose";
import { conflict } from "../errors/AppError.js";
import type { AnalysisDocument } from "../models/Analysis.js";
import { AnalysisComment, type AnalysisCommentDocument } from "../models/AnalysisComment.js";
import { recordEvent } from "./recordEvent.js";
import type { RequestContext } from "../requestContext.js";

export interface AnalysisCommentHiderProps {
  analysis: AnalysisDocument;
  comment: AnalysisCommentDocument;
  moderatorId: mongoose.Types.ObjectId;
  context?: RequestContext;
}

/** A moderator hides a comment: it is gone for everyone but moderators. */
export async function analysisCommentHider(props: AnalysisCommentHiderProps): Promise<AnalysisCommentDocument> {
  const updated = await AnalysisComment.findOneAndUpdate(
    { _id: props.comment._id, hidden: false },
    { $set: { hidden: true, hiddenById: props.moderatorId } },
    { returnDocument: "after" },
  ).lean();
  if (!updated) throw conflict("Ten komentarz jest już ukryty.");
  await recordEvent({
    name: "analysisComments.hide",
    actorId: props.moderatorId,
    subjectType: "AnalysisComment",
    subjectId: updated._id,
    data: {
      title: props.analysis.title,
      analysisId: props.analysis._id.toString(),
      authorId: updated.authorId.toString(),
      targetUserId: updated.authorId.toString(),
    },
    context: props.context,
  });
  return updated as AnalysisCommentDocument;
}
