import type { JstSummary } from "@forum/shared/api";
import type { PracticeFieldsInput } from "@forum/shared/schemas/practices";
import type { SitePageSlug } from "@forum/shared/sitePages";
import { draftStore, isString, jsonDraftStore } from "./draftStore";

/**
 * Every kind of draft kept in this browser, each a store from draftStore.ts with its key and format. The keys and
 * the stored JSON are those of earlier versions, so drafts typed before an update are still found.
 */

/** What a composer writes to: a thread (a reply) or a category (a new thread). Also the server copy's address. */
export interface DraftTarget {
  scope: "thread" | "category";
  /** The thread (reply) or the category (new thread). */
  id: string;
}

/**
 * A composer's text, kept until the server has stored the post or thread. It also keeps the clientId, so a
 * retried send after an unclear failure is stored only once. A reply has no title ("").
 */
export interface ComposerDraft {
  title: string;
  body: string;
  clientId: string;
  /** When it was last typed (ms since the epoch); the newer of the local and the server's copy wins. */
  updatedAt: number;
}

export function newClientId(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  // Outside a secure context (plain http on an office network) randomUUID is missing.
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** `forum.draft.thread.<id>` holds `{ body, clientId, updatedAt }`, `forum.draft.category.<id>` also the title. */
export const composerDrafts = jsonDraftStore<DraftTarget, ComposerDraft>(
  (target) => `forum.draft.${target.scope}.${target.id}`,
  ({ title, body, clientId, updatedAt }) =>
    isString(body) && isString(clientId)
      ? { title: isString(title) ? title : "", body, clientId, updatedAt: Number(updatedAt) || 0 }
      : null,
  {
    isEmpty: (draft) => draft.title === "" && draft.body === "",
    encode: ({ title, body, clientId }, target) => ({
      ...(target.scope === "category" ? { title } : {}),
      body,
      clientId,
      updatedAt: Date.now(),
    }),
  },
);

/** The composer's draft, or an empty one with a fresh clientId. */
export const composerDraftOf = (target: DraftTarget): ComposerDraft =>
  composerDrafts.load(target) ?? { title: "", body: "", clientId: newClientId(), updatedAt: 0 };

/** The text of an edit in progress, by post (plain text, not JSON): a reload in the middle of an edit loses nothing. */
export const editDrafts = draftStore<string, string>({
  key: (postId) => `forum.draft.edit.${postId}`,
  decode: (stored) => stored,
  encode: (body) => body,
});

/** The practice editor's unsaved fields, with the version they were based on. */
export interface PracticeEditorDraft {
  version: number;
  fields: Omit<PracticeFieldsInput, "jsts" | "attachmentIds">;
  jsts: JstSummary[];
  attachments: Array<{ id: string; name: string }>;
  note: string;
}

export const practiceDrafts = jsonDraftStore<string, PracticeEditorDraft>(
  (practiceId) => `forum.draft.practice.${practiceId}`,
  ({ version, fields, jsts, attachments, note }) => {
    const stored = fields as Partial<PracticeEditorDraft["fields"]> | undefined;
    if (typeof version !== "number" || !isString(stored?.title)) return null;
    return {
      version,
      fields: stored as PracticeEditorDraft["fields"],
      jsts: Array.isArray(jsts) ? (jsts as JstSummary[]) : [],
      attachments: Array.isArray(attachments) ? (attachments as PracticeEditorDraft["attachments"]) : [],
      note: isString(note) ? note : "",
    };
  },
);

/** An analysis being written; a new one (no id yet) is kept under "new". */
export interface AnalysisDraft {
  title: string;
  summary: string;
  tags: string[];
  sections: { id?: string; heading: string; markdown: string }[];
}

export const analysisDrafts = jsonDraftStore<string | null, AnalysisDraft>(
  (analysisId) => `forum.draft.analysis.${analysisId ?? "new"}`,
  ({ title, summary, tags, sections }) => {
    if (!isString(title) || !Array.isArray(sections)) return null;
    return {
      title,
      summary: isString(summary) ? summary : "",
      tags: Array.isArray(tags) ? tags.filter(isString) : [],
      sections: (sections as Partial<AnalysisDraft["sections"][number]>[]).filter(
        (section): section is AnalysisDraft["sections"][number] =>
          isString(section?.heading) && isString(section?.markdown),
      ),
    };
  },
);

/** What an admin typed into a legal page and did not save yet. */
export interface SitePageDraft {
  title: string;
  markdown: string;
  /** The version the text was based on, so a draft of an older version is recognised as such. */
  baseVersion: number;
}

export const sitePageDrafts = jsonDraftStore<SitePageSlug, SitePageDraft>(
  (slug) => `forum.draft.sitePage.${slug}`,
  ({ title, markdown, baseVersion }) =>
    isString(title) && isString(markdown) ? { title, markdown, baseVersion: Number(baseVersion) || 0 } : null,
);
