import { Router } from "express";
import mongoose from "mongoose";
import type { LibraryFacets, LibraryItem, LibraryView } from "@forum/shared";
import { endpoints, JST_TYPES, LIBRARY_PAGE_SIZE, warsawToUtc, type LibraryQuery } from "@forum/shared";
import { route } from "../http/declareRoute.js";
import { Analysis, type AnalysisDocument } from "../models/Analysis.js";
import { Group } from "../models/Group.js";
import { Practice, type PracticeDocument } from "../models/Practice.js";
import { can, type Actor } from "../policies/index.js";
import { presentAnalysisSummaries, presentPracticeSummaries } from "../presenters/librarySummaryPresenter.js";
import { allJsts } from "../queries/jstCatalogue.js";
import { loadTaxonomy } from "../queries/tagDirectory.js";

type Filter = Record<string, unknown>;

/** Published documents the viewer may see: the whole network's, or only the public ones for visitors. */
const visibleTo = (actor: Actor | null): Filter =>
  actor ? { status: "published" } : { status: "published", isPublic: true };

/** A year in Polish time, as the date shown on the cards. */
const yearRange = (year: number) => ({
  $gte: warsawToUtc(`${year}-01-01`, "00:00"),
  $lt: warsawToUtc(`${year + 1}-01-01`, "00:00"),
});

/** The practices' filter, or null when the query excludes practices (or names a group that does not exist). */
async function practiceFilter(query: LibraryQuery, actor: Actor | null): Promise<Filter | null> {
  if (query.kind === "analysis") return null;
  const filter: Filter = visibleTo(actor);
  if (query.tag) filter.tags = query.tag;
  if (query.jstType) filter.jstTypes = query.jstType;
  if (query.voivodeship) filter.voivodeshipCodes = query.voivodeship;
  if (query.group) {
    const group = await Group.findOne({ slug: query.group }, { _id: 1 }).lean();
    if (!group) return null;
    filter.groupId = group._id;
  }
  if (query.year) filter.publishedAt = mongoose.trusted(yearRange(query.year));
  return filter;
}

/** Analyses belong to the whole network: filters by JST or group leave them out. */
function analysisFilter(query: LibraryQuery, actor: Actor | null): Filter | null {
  if (query.kind === "practice" || query.jstType || query.voivodeship || query.group) return null;
  const filter: Filter = visibleTo(actor);
  if (query.tag) filter.tags = query.tag;
  if (query.year) filter.publishedAt = mongoose.trusted(yearRange(query.year));
  return filter;
}

const NEWEST_FIRST = { publishedAt: -1, _id: -1 } as const;
const publishedTime = (item: LibraryItem) => (item.publishedAt ? Date.parse(item.publishedAt) : 0);

/** One page of both kinds, newest first: each kind's first page×size items suffice to merge that page. */
async function pageOf(query: LibraryQuery, actor: Actor | null): Promise<{ items: LibraryItem[]; total: number }> {
  const [practices, analyses] = [await practiceFilter(query, actor), analysisFilter(query, actor)];
  const upTo = query.page * LIBRARY_PAGE_SIZE;
  const [practiceDocs, practiceTotal, analysisDocs, analysisTotal] = await Promise.all([
    practices ? Practice.find(practices).sort(NEWEST_FIRST).limit(upTo).lean() : [],
    practices ? Practice.countDocuments(practices) : 0,
    analyses ? Analysis.find(analyses).sort(NEWEST_FIRST).limit(upTo).lean() : [],
    analyses ? Analysis.countDocuments(analyses) : 0,
  ]);
  const start = (query.page - 1) * LIBRARY_PAGE_SIZE;
  const merged: LibraryItem[] = [
    ...(await presentPracticeSummaries(practiceDocs as PracticeDocument[])),
    ...(await presentAnalysisSummaries(analysisDocs as AnalysisDocument[])),
  ].sort((a, b) => publishedTime(b) - publishedTime(a));
  return { items: merged.slice(start, start + LIBRARY_PAGE_SIZE), total: practiceTotal + analysisTotal };
}

/** Years from the oldest to the newest publication the viewer may see. */
async function publicationYears(actor: Actor | null): Promise<number[]> {
  const visible = visibleTo(actor);
  const ends = await Promise.all(
    [Practice, Analysis].flatMap((model) =>
      [1, -1].map((direction) =>
        (model as typeof Practice)
          .findOne(visible, { publishedAt: 1 })
          .sort({ publishedAt: direction === 1 ? 1 : -1 })
          .lean(),
      ),
    ),
  );
  const years = ends.flatMap((doc) => (doc?.publishedAt ? [Number(warsawYear(doc.publishedAt))] : []));
  if (years.length === 0) return [];
  const [first, last] = [Math.min(...years), Math.max(...years)];
  return Array.from({ length: last - first + 1 }, (_, index) => last - index);
}

const warsawYear = (date: Date) =>
  new Intl.DateTimeFormat("en", { year: "numeric", timeZone: "Europe/Warsaw" }).format(date);

async function facets(actor: Actor | null): Promise<LibraryFacets> {
  const [tags, jsts, groups, years] = await Promise.all([
    loadTaxonomy(actor),
    allJsts(),
    Group.find({}, { slug: 1, name: 1 }).sort({ name: 1 }).lean(),
    publicationYears(actor),
  ]);
  return {
    tags,
    jstTypes: [...JST_TYPES],
    voivodeships: jsts
      .filter((jst) => jst.type === "wojewodztwo")
      .map((jst) => ({ code: jst.voivodeshipCode, name: jst.name }))
      .sort((a, b) => a.code.localeCompare(b.code)),
    groups: groups.map((group) => ({ slug: group.slug, name: group.name })),
    years,
  };
}

export function libraryRoutes(): Router {
  const router = Router();

  route(router, endpoints.knowledge.library, async ({ actor, query: parseQuery }) => {
    const query = parseQuery();
    const [page, filterValues] = await Promise.all([pageOf(query, actor), facets(actor)]);
    const body: LibraryView = {
      ...page,
      page: query.page,
      pageSize: LIBRARY_PAGE_SIZE,
      facets: filterValues,
      canCreateAnalysis: can(actor, "create", "Analysis", null),
    };
    return body;
  });

  return router;
}
