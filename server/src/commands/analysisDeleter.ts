import type mongoose from "mongoose";
import { Analysis, type AnalysisDocument } from "../models/Analysis.js";
import { AnalysisComment } from "../models/AnalysisComment.js";
import { recordEvent } from "./recordEvent.js";
import type { RequestContext } from "../requestContext.js";

export interface AnalysisDeleterProps {
  analysis: AnalysisDocument;
  actorId: mongoose.Types.ObjectId;
  context?: RequestContext;
}

/** Removes an analysis with its comments; the audit log keeps its title. */
export async function analysisDeleter(props: AnalysisDeleterProps): Promise<void> {
  await Analysis.deleteOne({ _id: props.analysis._id });
  await AnalysisComment.deleteMany({ analysisId: props.analysis._id });
  await recordEvent({
    name: "analyses.delete",
    actorId: props.actorId,
    subjectType: "Analysis",
    subjectId: props.analysis._id,
    data: { title: props.analysis.title, before: { status: props.analysis.status } },
    context: props.context,
  });
}
