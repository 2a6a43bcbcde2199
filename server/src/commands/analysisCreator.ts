import type mongoose from "mongoose";
import type { AnalysisInput } from "@forum/shared";
import { Analysis, type AnalysisDocument } from "../models/Analysis.js";
import { assertKnownTags } from "../queries/tagDirectory.js";
import { buildSections } from "./support/analysisSections.js";
import { recordEvent } from "./recordEvent.js";
import type { RequestContext } from "../requestContext.js";

export interface AnalysisCreatorProps {
  input: AnalysisInput;
  authorId: mongoose.Types.ObjectId;
  /** Who did it, when not the author: null for the demo seed (the system). */
  actorId?: mongoose.Types.ObjectId | null;
  context?: RequestContext;
}

/** Starts a thematic analysis as a draft. */
export async function analysisCreator(props: AnalysisCreatorProps): Promise<AnalysisDocument> {
  const tags = [...new Set(props.input.tags)];
  await assertKnownTags(tags);
  const created = await Analysis.create({
    title: props.input.title,
    summary: props.input.summary,
    tags,
    sections: buildSections(props.input.sections, new Set()),
    authorId: props.authorId,
    status: "draft",
  });
  const analysis = created.toObject() as AnalysisDocument;
  await recordEvent({
    name: "analyses.create",
    actorId: props.actorId !== undefined ? props.actorId : props.authorId,
    subjectType: "Analysis",
    subjectId: analysis._id,
    data: { title: analysis.title },
    context: props.context,
  });
  return analysis;
}
