import type { AnalysisSummary, PracticeSummary } from "./library.js";
import type { TagView, ThreadSummary } from "./api.js";

/** How much a tag holds that the viewer may see. */
export interface TagCounts {
  threads: number;
  practices: number;
  analyses: number;
}

export interface TagOverviewItem extends TagView {
  description: string;
  counts: TagCounts;
  followed: boolean;
}

export interface TagGroupOverview {
  slug: string;
  name: string;
  description: string;
  tags: TagOverviewItem[];
}

/** `/tagi` and the moderators' taxonomy screen: every tag group with its tags, counts and the viewer's follows. */
export interface TagOverview {
  tagGroups: TagGroupOverview[];
  followed: TagView[];
  canManage: boolean;
}

export interface TagDetail extends TagView {
  description: string;
  group: { slug: string; name: string };
  followed: boolean;
  /** False for visitors: following needs an account. */
  canFollow: boolean;
}

/** One page of one section of a tag's page. */
export interface TagSection<Item> {
  items: Item[];
  page: number;
  hasMore: boolean;
}

export const TAG_SECTIONS = ["practices", "analyses", "threads"] as const;
export type TagSectionKind = (typeof TAG_SECTIONS)[number];

export interface TagPage {
  tag: TagDetail;
  practices: TagSection<PracticeSummary>;
  analyses: TagSection<AnalysisSummary>;
  threads: TagSection<ThreadSummary>;
}

export type TagSectionPage =
  | ({ kind: "practices" } & TagSection<PracticeSummary>)
  | ({ kind: "analyses" } & TagSection<AnalysisSummary>)
  | ({ kind: "threads" } & TagSection<ThreadSummary>);
