import type { AuthorSummary, TagGroupView, TagView } from "./api.js";
import type { AnalysisStatus, JstType } from "./constants.js";
import type { AnalysisSummary, LibraryItem } from "./library.js";

export interface AnalysisSectionView {
  id: string;
  heading: string;
  /** Sanitized at write time. */
  html: string;
  /** The source, for the editor (only to those who may update). */
  markdown: string | null;
  /** Visible comments. */
  commentCount: number;
}

/** What the viewer may do with an analysis (the UI shows only these controls; the API checks again). */
export interface AnalysisPermissions {
  update: boolean;
  publish: boolean;
  delete: boolean;
  setPublic: boolean;
  comment: boolean;
  moderateComments: boolean;
}

export interface AnalysisView {
  id: string;
  title: string;
  summary: string;
  status: AnalysisStatus;
  isPublic: boolean;
  tags: TagView[];
  author: AuthorSummary;
  sections: AnalysisSectionView[];
  publishedAt: string | null;
  updatedAt: string;
  can: AnalysisPermissions;
}

export interface AnalysisCommentView {
  id: string;
  sectionId: string;
  author: AuthorSummary;
  html: string;
  /** Only moderators see hidden comments (marked); for everyone else they are gone. */
  hidden: boolean;
  createdAt: string;
}

export interface AnalysisListView {
  analyses: AnalysisSummary[];
}

/** The filter selects of the library. */
export interface LibraryFacets {
  tags: TagGroupView[];
  jstTypes: JstType[];
  voivodeships: { code: string; name: string }[];
  groups: { slug: string; name: string }[];
  years: number[];
}

export interface LibraryView {
  items: LibraryItem[];
  total: number;
  page: number;
  pageSize: number;
  facets: LibraryFacets;
  /** Moderators and experts get the "Nowa analiza" entry. */
  canCreateAnalysis: boolean;
}
