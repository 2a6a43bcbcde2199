import type { AnalysisCommentView, AnalysisView } from "@forum/shared";
import type { AnalysisDocument } from "../models/Analysis.js";
import { AnalysisComment, type AnalysisCommentDocument } from "../models/AnalysisComment.js";
import { can, type Actor } from "../policies/index.js";
import { loadAuthors } from "../queries/authorDirectory.js";
import { loadTags, tagsOf } from "../queries/tagDirectory.js";

const UNKNOWN_AUTHOR = { id: "", name: "", jstName: null };

/** Visible comments per section, in one aggregation. */
async function commentCounts(analysis: AnalysisDocument): Promise<Map<string, number>> {
  const counts = await AnalysisComment.aggregate<{ _id: unknown; count: number }>([
    { $match: { analysisId: analysis._id, hidden: false } },
    { $group: { _id: "$sectionId", count: { $sum: 1 } } },
  ]);
  return new Map(counts.map((entry) => [String(entry._id), entry.count]));
}

/** An analysis as its page and editor show it, with what the viewer may do. */
export async function presentAnalysis(analysis: AnalysisDocument, actor: Actor | null): Promise<AnalysisView> {
  const [authors, tags, counts] = await Promise.all([
    loadAuthors([analysis.authorId]),
    loadTags(analysis.tags),
    commentCounts(analysis),
  ]);
  const may = (action: string) => can(actor, action, "Analysis", analysis);
  const canUpdate = may("update");
  return {
    id: analysis._id.toString(),
    title: analysis.title,
    summary: analysis.summary,
    status: analysis.status,
    isPublic: analysis.isPublic,
    tags: tagsOf(analysis.tags, tags),
    author: authors.get(analysis.authorId.toString()) ?? UNKNOWN_AUTHOR,
    sections: analysis.sections.map((section) => ({
      id: section._id.toString(),
      heading: section.heading,
      html: section.html,
      markdown: canUpdate ? section.markdown : null,
      commentCount: counts.get(section._id.toString()) ?? 0,
    })),
    publishedAt: analysis.publishedAt ? analysis.publishedAt.toISOString() : null,
    updatedAt: analysis.updatedAt.toISOString(),
    can: {
      update: canUpdate,
      publish: may("publish"),
      delete: may("delete"),
      setPublic: may("setPublic"),
      comment: may("comment"),
      moderateComments: may("moderateComments"),
    },
  };
}

export async function presentAnalysisComments(comments: AnalysisCommentDocument[]): Promise<AnalysisCommentView[]> {
  const authors = await loadAuthors(comments.map((comment) => comment.authorId));
  return comments.map((comment) => ({
    id: comment._id.toString(),
    sectionId: comment.sectionId.toString(),
    author: authors.get(comment.authorId.toString()) ?? UNKNOWN_AUTHOR,
    html: comment.html,
    hidden: comment.hidden,
    createdAt: comment.createdAt.toISOString(),
  }));
}
