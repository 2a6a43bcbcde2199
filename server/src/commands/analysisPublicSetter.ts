import type mongoose from "mongoose";
import { conflict } from "../errors/AppError.js";
import { Analysis, type AnalysisDocument } from "../models/Analysis.js";
import { recordEvent } from "./recordEvent.js";
import type { RequestContext } from "../requestContext.js";

export interface AnalysisPublicSetterProps {
  analysis: AnalysisDocument;
  isPublic: boolean;
  actorId: mongoose.Types.ObjectId;
  context?: RequestContext;
}

/** A moderator's choice: a published analysis is visible to visitors, or only to the network. */
export async function analysisPublicSetter(props: AnalysisPublicSetterProps): Promise<AnalysisDocument> {
  const updated = await Analysis.findOneAndUpdate(
    { _id: props.analysis._id, status: "published" },
    { $set: { isPublic: props.isPublic } },
    { returnDocument: "after" },
  ).lean();
  if (!updated) throw conflict("Publiczna może być tylko opublikowana analiza.");
  await recordEvent({
    name: "analyses.setPublic",
    actorId: props.actorId,
    subjectType: "Analysis",
    subjectId: updated._id,
    data: { title: updated.title, before: { isPublic: props.analysis.isPublic }, after: { isPublic: props.isPublic } },
    context: props.context,
  });
  return updated as AnalysisDocument;
}
