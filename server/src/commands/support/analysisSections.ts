import mongoose from "mongoose";
import type { AnalysisSectionInput } from "@forum/shared";
import { badRequest } from "../../errors/AppError.js";
import { renderMarkdown } from "../../infra/markdown.js";

export interface StoredSection {
  _id: mongoose.Types.ObjectId;
  heading: string;
  markdown: string;
  html: string;
}

/**
 * The editor's sections → the stored ones, rendered at write time. An existing section keeps its id (and so its
 * comments); an id the analysis does not have is refused rather than silently made new.
 */
export function buildSections(input: AnalysisSectionInput[], existingIds: Set<string>): StoredSection[] {
  const seen = new Set<string>();
  return input.map((section) => {
    if (section.id !== undefined) {
      if (!existingIds.has(section.id) || seen.has(section.id)) {
        throw badRequest("Ta sekcja nie należy do analizy. Odśwież stronę i spróbuj ponownie.", {
          sections: "Nieznana sekcja.",
        });
      }
      seen.add(section.id);
    }
    return {
      _id: section.id ? new mongoose.Types.ObjectId(section.id) : new mongoose.Types.ObjectId(),
      heading: section.heading,
      markdown: section.markdown,
      html: renderMarkdown(section.markdown),
    };
  });
}
