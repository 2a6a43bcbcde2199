import mongoose from "mongoose";
import {
  FREE_TAG_GROUP_SLUG,
  type TagCounts,
  type TagDetail,
  type TagOverview,
  type TagPage,
  type TagSectionKind,
  type TagSectionPage,
  type TagView,
} from "@forum/shared";
import { Analysis, type AnalysisDocument } from "../models/Analysis.js";
import { Practice, type PracticeDocument } from "../models/Practice.js";
import type { TagDocument } from "../models/Tag.js";
import { Tag } from "../models/Tag.js";
import { TagFollow } from "../models/TagFollow.js";
import { TagGroup } from "../models/TagGroup.js";
import { Thread, type ThreadDocument } from "../models/Thread.js";
import { can, type Actor } from "../policies/index.js";
import { presentThreadSummary } from "../presenters/postPresenter.js";
import { presentAnalysisSummaries, presentPracticeSummaries } from "../presenters/librarySummaryPresenter.js";
import { loadAuthors } from "./authorDirectory.js";
import { hiddenFreeTags, visibleTaggedFilters } from "./freeTagVisibility.js";
import { loadTags } from "./tagDirectory.js";

export const TAG_SECTION_SIZE = 20;

/** Filters built here from our own values (the models' typed filters do not accept anyOf's trusted $in). */
type Filter = Record<string, unknown>;

/** Aggregation does not cast like find() does: group ids given as strings must become ObjectIds. */
function castGroupIds(filter: Filter): Filter {
  const groupId = filter.groupId as { $in: unknown[] } | undefined;
  if (!groupId) return filter;
  const cast = groupId.$in.map((id) => (typeof id === "string" ? new mongoose.Types.ObjectId(id) : id));
  return { ...filter, groupId: { $in: cast } };
}

async function countsByTag(model: typeof Thread, match: Filter | null): Promise<Map<string, number>> {
  if (match === null) return new Map();
  // One pass over the tagged documents rather than a count per tag; $group with a single accumulator (FerretDB).
  const rows = (await model.aggregate([
    { $match: castGroupIds(match) },
    { $unwind: "$tags" },
    { $group: { _id: "$tags", count: { $sum: 1 } } },
  ])) as { _id: string; count: number }[];
  return new Map(rows.map((row) => [row._id, row.count]));
}

async function followedSlugs(userId: mongoose.Types.ObjectId | undefined): Promise<Set<string>> {
  if (!userId) return new Set();
  return new Set((await TagFollow.find({ userId }, { tagSlug: 1 }).lean()).map((follow) => follow.tagSlug));
}

/** The taxonomy by tag group, each tag with what the viewer may see under it and whether they follow it. */
export async function tagOverview(
  actor: Actor | null,
  userId: mongoose.Types.ObjectId | undefined,
): Promise<TagOverview> {
  const filters = visibleTaggedFilters(actor);
  const [groups, tags, threads, practices, analyses, followed] = await Promise.all([
    TagGroup.find().sort({ position: 1, _id: 1 }).lean(),
    Tag.find().sort({ position: 1, _id: 1 }).lean(),
    countsByTag(Thread, filters.threads),
    // The three models share `tags`; typing the union's aggregate() is not worth the casts.
    countsByTag(Practice as unknown as typeof Thread, filters.practices),
    countsByTag(Analysis as unknown as typeof Thread, filters.analyses),
    followedSlugs(userId),
  ]);
  // Free tags of groups the viewer cannot read stay unknown to them (their names tell what a group discusses).
  const hidden = await hiddenFreeTags(
    actor,
    tags.map((tag) => tag.slug),
  );
  const shownTags = tags.filter((tag) => !hidden.has(tag.slug));
  const counts = (slug: string): TagCounts => ({
    threads: threads.get(slug) ?? 0,
    practices: practices.get(slug) ?? 0,
    analyses: analyses.get(slug) ?? 0,
  });
  return {
    tagGroups: groups.flatMap((group) => {
      const inGroup = shownTags.filter((tag) => tag.tagGroupId.equals(group._id));
      if (inGroup.length === 0 && group.slug === FREE_TAG_GROUP_SLUG && hidden.size > 0) return [];
      return [
        {
          slug: group.slug,
          name: group.name,
          description: group.description,
          tags: inGroup.map((tag) => ({
            slug: tag.slug,
            name: tag.name,
            description: tag.description ?? "",
            counts: counts(tag.slug),
            followed: followed.has(tag.slug),
          })),
        },
      ];
    }),
    followed: shownTags
      .filter((tag) => followed.has(tag.slug))
      .map((tag): TagView => ({ slug: tag.slug, name: tag.name })),
    canManage: can(actor, "manage", "Tag", null),
  };
}

async function tagDetail(
  tag: TagDocument,
  actor: Actor | null,
  userId: mongoose.Types.ObjectId | undefined,
): Promise<TagDetail> {
  const [group, follow] = await Promise.all([
    TagGroup.findById(tag.tagGroupId, { slug: 1, name: 1 }).lean(),
    userId ? TagFollow.exists({ userId, tagSlug: tag.slug }) : null,
  ]);
  return {
    slug: tag.slug,
    name: tag.name,
    description: tag.description ?? "",
    group: group ? { slug: group.slug, name: group.name } : { slug: "", name: "" },
    followed: Boolean(follow),
    canFollow: can(actor, "follow", "Tag", null),
  };
}

/** One page (1-based) of one section of a tag's page, newest first. */
export async function tagSection(
  tag: TagDocument,
  kind: TagSectionKind,
  page: number,
  actor: Actor | null,
): Promise<TagSectionPage> {
  const filters = visibleTaggedFilters(actor);
  const skip = (page - 1) * TAG_SECTION_SIZE;
  // One more than a page tells whether there is a next one.
  const limit = TAG_SECTION_SIZE + 1;
  const paged = <Item>(items: Item[]) => ({
    items: items.slice(0, TAG_SECTION_SIZE),
    page,
    hasMore: items.length > TAG_SECTION_SIZE,
  });
  switch (kind) {
    case "threads": {
      if (filters.threads === null) return { kind, items: [], page, hasMore: false };
      const threads: ThreadDocument[] = await Thread.find({ ...filters.threads, tags: tag.slug } as Filter)
        .sort({ lastPostAt: -1, _id: -1 })
        .skip(skip)
        .limit(limit)
        .lean();
      const [authors, tags] = await Promise.all([
        loadAuthors(threads.map((thread) => thread.authorId)),
        loadTags(threads.flatMap((thread) => thread.tags)),
      ]);
      return { kind, ...paged(threads.map((thread) => presentThreadSummary(thread, authors, tags))) };
    }
    case "practices": {
      const practices: PracticeDocument[] = await Practice.find({ ...filters.practices, tags: tag.slug } as Filter)
        .sort({ publishedAt: -1, _id: -1 })
        .skip(skip)
        .limit(limit)
        .lean();
      return { kind, ...paged(await presentPracticeSummaries(practices)) };
    }
    case "analyses": {
      const analyses: AnalysisDocument[] = await Analysis.find({ ...filters.analyses, tags: tag.slug } as Filter)
        .sort({ publishedAt: -1, _id: -1 })
        .skip(skip)
        .limit(limit)
        .lean();
      return { kind, ...paged(await presentAnalysisSummaries(analyses)) };
    }
  }
}

/** A tag's page: the tag and the first page of each section. */
export async function tagPage(
  tag: TagDocument,
  actor: Actor | null,
  userId: mongoose.Types.ObjectId | undefined,
): Promise<TagPage> {
  const [detail, practices, analyses, threads] = await Promise.all([
    tagDetail(tag, actor, userId),
    tagSection(tag, "practices", 1, actor),
    tagSection(tag, "analyses", 1, actor),
    tagSection(tag, "threads", 1, actor),
  ]);
  const strip = <Section extends { kind: string }>({ kind: _kind, ...section }: Section) => section;
  return {
    tag: detail,
    practices: strip(practices) as TagPage["practices"],
    analyses: strip(analyses) as TagPage["analyses"],
    threads: strip(threads) as TagPage["threads"],
  };
}
