import type { AttachmentView, AuthorSummary, JstSummary, TagView } from "./api.js";
import type { PracticeReviewVerdict, PracticeStatus } from "./constants.js";
import type { PracticeSummary } from "./library.js";

/** One markdown part of a practice: the source (for the editor) and the sanitized HTML (for the page). */
export interface PracticeText {
  markdown: string;
  html: string;
}

/** An expert's written opinion (the incubator's review). */
export interface PracticeReviewView {
  id: string;
  reviewer: AuthorSummary;
  verdict: PracticeReviewVerdict;
  html: string;
  /** The version of the practice the expert read. */
  version: number;
  createdAt: string;
}

/** What the viewer may do next, decided by the server's policies. */
export interface PracticeAbilities {
  update: boolean;
  submit: boolean;
  review: boolean;
  publish: boolean;
  unpublish: boolean;
  setPublic: boolean;
  delete: boolean;
}

/** A practice's full page. */
export interface PracticeView {
  id: string;
  title: string;
  summary: string;
  context: PracticeText;
  actions: PracticeText;
  results: PracticeText;
  costs: PracticeText;
  fundingSources: string;
  timeFrame: string;
  contact: { name: string; email: string; phone: string };
  jsts: JstSummary[];
  tags: TagView[];
  attachments: AttachmentView[];
  group: { slug: string; name: string } | null;
  author: AuthorSummary;
  status: PracticeStatus;
  isPublic: boolean;
  version: number;
  /** The thread (and post) it was written from, when the viewer may read that thread. */
  source: { threadId: string; postId: string | null; threadTitle: string } | null;
  reviewer: AuthorSummary | null;
  /** All opinions for the author, experts and staff; the recommending ones for everyone once published. */
  reviews: PracticeReviewView[];
  submittedAt: string | null;
  publishedAt: string | null;
  createdAt: string;
  updatedAt: string;
  abilities: PracticeAbilities;
}

export interface PracticeResponse {
  practice: PracticeView;
}

/** `/praktyki`: the viewer's own practices and, for experts and staff, the queues. */
export interface PracticeListsView {
  mine: PracticeSummary[];
  /** Submitted or in review (experts and staff); null when the viewer does not review. */
  toReview: PracticeSummary[] | null;
  /** Recommended by an expert, waiting for a moderator; null unless staff. */
  toPublish: PracticeSummary[] | null;
}

/** The practices that cite a thread, for its page. */
export interface ThreadPracticesView {
  practices: PracticeSummary[];
}

export interface PracticeVersionSummary {
  number: number;
  editor: AuthorSummary;
  note: string;
  at: string;
}

export interface PracticeVersionsView {
  practiceId: string;
  title: string;
  versions: PracticeVersionSummary[];
}

/** One run of a word diff: unchanged, added or removed text. */
export interface DiffPart {
  value: string;
  added: boolean;
  removed: boolean;
}

/** One field that changed since the previous version. */
export interface PracticeFieldChange {
  field: string;
  parts: DiffPart[];
}

export interface PracticeVersionView {
  practiceId: string;
  practiceTitle: string;
  number: number;
  editor: AuthorSummary;
  note: string;
  at: string;
  /** The document as it was saved in this version (text fields as markdown or plain text). */
  fields: Record<string, string>;
  /** Compared with the version before (empty for the first one). */
  changes: PracticeFieldChange[];
}
