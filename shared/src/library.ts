import type { AnalysisStatus, JstType, PracticeStatus } from "./constants.js";
import type { AuthorSummary, JstSummary, TagView } from "./api.js";

/** A good practice as listed (library, tag pages, search, a leader's profile). */
export interface PracticeSummary {
  kind: "practice";
  id: string;
  title: string;
  summary: string;
  status: PracticeStatus;
  isPublic: boolean;
  jsts: JstSummary[];
  tags: TagView[];
  author: AuthorSummary;
  /** The group the practice came from; null for one written for the whole network. */
  group: { slug: string; name: string } | null;
  publishedAt: string | null;
  updatedAt: string;
}

/** A thematic analysis as listed. */
export interface AnalysisSummary {
  kind: "analysis";
  id: string;
  title: string;
  summary: string;
  status: AnalysisStatus;
  isPublic: boolean;
  tags: TagView[];
  author: AuthorSummary;
  sectionCount: number;
  publishedAt: string | null;
  updatedAt: string;
}

export type LibraryItem = PracticeSummary | AnalysisSummary;

/** Filters of the library (all optional; several at once narrow the list). */
export interface LibraryFilters {
  kind?: "practice" | "analysis";
  tag?: string;
  jstType?: JstType;
  /** Two-digit TERYT code of a voivodeship. */
  voivodeship?: string;
  /** Group slug. */
  group?: string;
  year?: number;
}
