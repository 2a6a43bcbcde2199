import type mongoose from "mongoose";
import type { AnalysisInput } from "@forum/shared";
import { anyOf } from "../db/anyOf.js";
import { AppError, notFound } from "../errors/AppError.js";
import { Analysis, type AnalysisDocument } from "../models/Analysis.js";
import { AnalysisComment } from "../models/AnalysisComment.js";
import { assertKnownTags } from "../queries/tagDirectory.js";
import { buildSections } from "./support/analysisSections.js";
import { recordEvent } from "./recordEvent.js";
import type { RequestContext } from "../requestContext.js";

export interface AnalysisUpdaterProps {
  analysis: AnalysisDocument;
  input: AnalysisInput;
  actorId: mongoose.Types.ObjectId;
  context?: RequestContext;
}

/** The 409 the editor turns into a confirmation question. */
export const SECTIONS_WITH_COMMENTS_CODE = "sections_have_comments";

/**
 * Saves title, summary, tags and sections (added, edited, reordered, removed). Removing a section that members
 * commented on needs the author's confirmation; its comments are removed with it.
 */
export async function analysisUpdater(props: AnalysisUpdaterProps): Promise<AnalysisDocument> {
  const { analysis, input } = props;
  const tags = [...new Set(input.tags)];
  await assertKnownTags(tags);
  const sections = buildSections(input.sections, new Set(analysis.sections.map((section) => section._id.toString())));
  const kept = new Set(sections.map((section) => section._id.toString()));
  const removed = analysis.sections.filter((section) => !kept.has(section._id.toString())).map((s) => s._id);
  if (removed.length > 0) {
    const commented = await AnalysisComment.countDocuments({ analysisId: analysis._id, sectionId: anyOf(removed) });
    if (commented > 0 && !input.confirmRemoval) {
      throw new AppError(
        409,
        SECTIONS_WITH_COMMENTS_CODE,
        `Usuwasz sekcję, pod którą są komentarze (${commented}). Potwierdź, że komentarze mają zniknąć razem z nią.`,
      );
    }
    if (commented > 0) await AnalysisComment.deleteMany({ analysisId: analysis._id, sectionId: anyOf(removed) });
  }
  const updated = await Analysis.findOneAndUpdate(
    { _id: analysis._id },
    { $set: { title: input.title, summary: input.summary, tags, sections } },
    { returnDocument: "after" },
  ).lean();
  if (!updated) throw notFound();
  await recordEvent({
    name: "analyses.update",
    actorId: props.actorId,
    subjectType: "Analysis",
    subjectId: analysis._id,
    data: { title: updated.title, before: { title: analysis.title }, removedSections: removed.length },
    context: props.context,
  });
  return updated as AnalysisDocument;
}
