import type mongoose from "mongoose";
import { notFound } from "../errors/AppError.js";
import type { AnalysisDocument } from "../models/Analysis.js";
import { AnalysisComment, type AnalysisCommentDocument } from "../models/AnalysisComment.js";
import { renderMarkdown } from "../infra/markdown.js";
import { recordEvent } from "./recordEvent.js";
import type { RequestContext } from "../requestContext.js";

export interface AnalysisCommentCreatorProps {
  analysis: AnalysisDocument;
  sectionId: mongoose.Types.ObjectId;
  body: string;
  authorId: mongoose.Types.ObjectId;
  context?: RequestContext;
}

/** A member's comment on one section, rendered with the posts' markdown pipeline. */
export async function analysisCommentCreator(props: AnalysisCommentCreatorProps): Promise<AnalysisCommentDocument> {
  const section = props.analysis.sections.find((candidate) => candidate._id.equals(props.sectionId));
  if (!section) throw notFound("Tej sekcji nie ma już w analizie.");
  const created = await AnalysisComment.create({
    analysisId: props.analysis._id,
    sectionId: section._id,
    authorId: props.authorId,
    markdown: props.body,
    html: renderMarkdown(props.body),
  });
  const comment = created.toObject() as AnalysisCommentDocument;
  await recordEvent({
    name: "analysisComments.create",
    actorId: props.authorId,
    subjectType: "AnalysisComment",
    subjectId: comment._id,
    data: {
      title: props.analysis.title,
      analysisId: props.analysis._id.toString(),
      analysisAuthorId: props.analysis.authorId.toString(),
      sectionId: section._id.toString(),
      heading: section.heading,
    },
    context: props.context,
  });
  return comment;
}
