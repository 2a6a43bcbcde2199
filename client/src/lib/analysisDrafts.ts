/**
 * An analysis being written, kept in localStorage until the server has stored it, so a reload or a lost
 * connection loses nothing typed (like the reply drafts in drafts.ts).
 */
export interface AnalysisDraft {
  title: string;
  summary: string;
  tags: string[];
  sections: { id?: string; heading: string; markdown: string }[];
}

const key = (analysisId: string | null) => `forum.draft.analysis.${analysisId ?? "new"}`;

export function loadAnalysisDraft(analysisId: string | null): AnalysisDraft | null {
  try {
    const stored = localStorage.getItem(key(analysisId));
    if (!stored) return null;
    const parsed = JSON.parse(stored) as Partial<AnalysisDraft>;
    if (typeof parsed.title !== "string" || !Array.isArray(parsed.sections)) return null;
    return {
      title: parsed.title,
      summary: typeof parsed.summary === "string" ? parsed.summary : "",
      tags: Array.isArray(parsed.tags) ? parsed.tags.filter((tag) => typeof tag === "string") : [],
      sections: parsed.sections.filter(
        (section) => typeof section?.heading === "string" && typeof section?.markdown === "string",
      ),
    };
  } catch {
    // Storage disabled or a corrupt entry: start from what the server has.
    return null;
  }
}

export function saveAnalysisDraft(analysisId: string | null, draft: AnalysisDraft): void {
  try {
    localStorage.setItem(key(analysisId), JSON.stringify(draft));
  } catch {
    // Quota exceeded or storage disabled: the text stays in the form for this visit.
  }
}

export function clearAnalysisDraft(analysisId: string | null): void {
  try {
    localStorage.removeItem(key(analysisId));
  } catch {
    // nothing to clear
  }
}
