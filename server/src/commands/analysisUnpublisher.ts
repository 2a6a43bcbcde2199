import type mongoose from "mongoose";
import { conflict } from "../errors/AppError.js";
import { Analysis, type AnalysisDocument } from "../models/Analysis.js";
import { recordEvent } from "./recordEvent.js";
import type { RequestContext } from "../requestContext.js";

export interface AnalysisUnpublisherProps {
  analysis: AnalysisDocument;
  actorId: mongoose.Types.ObjectId;
  context?: RequestContext;
}

/** Takes a published analysis back to a draft (no longer public); its comments stay. */
export async function analysisUnpublisher(props: AnalysisUnpublisherProps): Promise<AnalysisDocument> {
  const updated = await Analysis.findOneAndUpdate(
    { _id: props.analysis._id, status: "published" },
    { $set: { status: "draft", isPublic: false, publishedAt: null } },
    { returnDocument: "after" },
  ).lean();
  if (!updated) throw conflict("Ta analiza nie jest opublikowana.");
  await recordEvent({
    name: "analyses.unpublish",
    actorId: props.actorId,
    subjectType: "Analysis",
    subjectId: updated._id,
    data: { title: updated.title },
    context: props.context,
  });
  return updated as AnalysisDocument;
}
