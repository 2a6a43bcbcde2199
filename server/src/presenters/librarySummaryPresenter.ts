import type { AnalysisSummary, PracticeSummary } from "@forum/shared";
import { anyOf } from "../db/anyOf.js";
import type { AnalysisDocument } from "../models/Analysis.js";
import { Group } from "../models/Group.js";
import type { PracticeDocument } from "../models/Practice.js";
import { loadAuthors } from "../queries/authorDirectory.js";
import { jstsByIds } from "../queries/jstCatalogue.js";
import { loadTags, tagsOf } from "../queries/tagDirectory.js";
import { presentJst } from "./jstPresenter.js";

const UNKNOWN_AUTHOR = { id: "", name: "", jstName: null };

/** Practices as listed in the library, on tag pages, in search and on profiles, with their JSTs, tags and authors. */
export async function presentPracticeSummaries(practices: PracticeDocument[]): Promise<PracticeSummary[]> {
  if (practices.length === 0) return [];
  const groupIds = practices.flatMap((practice) => (practice.groupId ? [practice.groupId] : []));
  const [authors, tags, jsts, groups] = await Promise.all([
    loadAuthors(practices.map((practice) => practice.authorId)),
    loadTags(practices.flatMap((practice) => practice.tags)),
    jstsByIds(practices.flatMap((practice) => practice.jstIds)),
    groupIds.length ? Group.find({ _id: anyOf(groupIds) }, { slug: 1, name: 1 }).lean() : [],
  ]);
  const groupById = new Map(groups.map((group) => [group._id.toString(), { slug: group.slug, name: group.name }]));
  return practices.map((practice) => ({
    kind: "practice",
    id: practice._id.toString(),
    title: practice.title,
    summary: practice.summary,
    status: practice.status,
    isPublic: practice.isPublic,
    jsts: practice.jstIds.flatMap((id) => {
      const jst = jsts.get(id.toString());
      return jst ? [presentJst(jst)] : [];
    }),
    tags: tagsOf(practice.tags, tags),
    author: authors.get(practice.authorId.toString()) ?? UNKNOWN_AUTHOR,
    group: practice.groupId ? (groupById.get(practice.groupId.toString()) ?? null) : null,
    publishedAt: practice.publishedAt ? practice.publishedAt.toISOString() : null,
    updatedAt: practice.updatedAt.toISOString(),
  }));
}

/** Analyses as listed. */
export async function presentAnalysisSummaries(analyses: AnalysisDocument[]): Promise<AnalysisSummary[]> {
  if (analyses.length === 0) return [];
  const [authors, tags] = await Promise.all([
    loadAuthors(analyses.map((analysis) => analysis.authorId)),
    loadTags(analyses.flatMap((analysis) => analysis.tags)),
  ]);
  return analyses.map((analysis) => ({
    kind: "analysis",
    id: analysis._id.toString(),
    title: analysis.title,
    summary: analysis.summary,
    status: analysis.status,
    isPublic: analysis.isPublic,
    tags: tagsOf(analysis.tags, tags),
    author: authors.get(analysis.authorId.toString()) ?? UNKNOWN_AUTHOR,
    sectionCount: analysis.sections.length,
    publishedAt: analysis.publishedAt ? analysis.publishedAt.toISOString() : null,
    updatedAt: analysis.updatedAt.toISOString(),
  }));
}
