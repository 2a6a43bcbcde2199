import type { PracticeFieldsInput } from "@forum/shared/schemas/practices";
import type { JstSummary } from "@forum/shared/api";

/**
 * The practice editor's unsaved text, kept in localStorage as it is typed (like reply drafts), so a reload, a lost
 * connection or a refused save loses nothing. It remembers the version it was based on.
 */
export interface PracticeEditorDraft {
  version: number;
  fields: Omit<PracticeFieldsInput, "jsts" | "attachmentIds">;
  jsts: JstSummary[];
  attachments: Array<{ id: string; name: string }>;
  note: string;
}

const key = (practiceId: string) => `forum.draft.practice.${practiceId}`;

export function loadPracticeDraft(practiceId: string): PracticeEditorDraft | null {
  try {
    const stored = localStorage.getItem(key(practiceId));
    if (!stored) return null;
    const parsed = JSON.parse(stored) as Partial<PracticeEditorDraft>;
    if (typeof parsed.version !== "number" || typeof parsed.fields?.title !== "string") return null;
    return {
      version: parsed.version,
      fields: parsed.fields,
      jsts: Array.isArray(parsed.jsts) ? parsed.jsts : [],
      attachments: Array.isArray(parsed.attachments) ? parsed.attachments : [],
      note: typeof parsed.note === "string" ? parsed.note : "",
    };
  } catch {
    // Storage disabled or a corrupt entry: start from the stored practice.
    return null;
  }
}

export function savePracticeDraft(practiceId: string, draft: PracticeEditorDraft): void {
  try {
    localStorage.setItem(key(practiceId), JSON.stringify(draft));
  } catch {
    // Quota exceeded or storage disabled: the text stays in the form for this visit.
  }
}

export function clearPracticeDraft(practiceId: string): void {
  try {
    localStorage.removeItem(key(practiceId));
  } catch {
    // nothing to clear
  }
}
