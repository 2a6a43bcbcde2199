import type mongoose from "mongoose";
import { conflict } from "../errors/AppError.js";
import { Analysis, type AnalysisDocument } from "../models/Analysis.js";
import { recordEvent } from "./recordEvent.js";
import type { RequestContext } from "../requestContext.js";

export interface AnalysisPublisherProps {
  analysis: AnalysisDocument;
  /** Only staff may make it public; the route passes false for others. */
  isPublic: boolean;
  /** Null for the demo seed (the system). */
  actorId: mongoose.Types.ObjectId | null;
  context?: RequestContext;
}

/** Publishes a draft to the network (and to visitors when public). */
export async function analysisPublisher(props: AnalysisPublisherProps): Promise<AnalysisDocument> {
  const updated = await Analysis.findOneAndUpdate(
    { _id: props.analysis._id, status: "draft" },
    { $set: { status: "published", isPublic: props.isPublic, publishedAt: new Date() } },
    { returnDocument: "after" },
  ).lean();
  if (!updated) throw conflict("Ta analiza jest już opublikowana.");
  await recordEvent({
    name: "analyses.publish",
    actorId: props.actorId,
    subjectType: "Analysis",
    subjectId: updated._id,
    data: { title: updated.title, isPublic: updated.isPublic },
    context: props.context,
  });
  return updated as AnalysisDocument;
}
