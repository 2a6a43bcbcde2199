import { z } from "zod";
import { displayText } from "./displayText.js";
import { DOCUMENT_TAGS_MAX } from "../constants.js";

const OBJECT_ID = /^[0-9a-f]{24}$/i;
const TAG_SLUG = /^[a-z0-9-]{1,80}$/;

/** Limits of a thematic analysis; the editor shows them too. */
export const ANALYSIS_LIMITS = {
  title: 200,
  summary: 1000,
  sections: 40,
  heading: 200,
  sectionText: 40_000,
  comment: 5000,
} as const;

/** One section as the editor sends it; `id` is kept for an existing section, so its comments stay attached. */
export const analysisSectionInputSchema = z.object({
  id: z.string().regex(OBJECT_ID, { message: "Nieprawidłowy identyfikator sekcji." }).optional(),
  heading: z
    .string({ message: "Podaj nagłówek sekcji." })
    .trim()
    .min(1, { message: "Podaj nagłówek sekcji." })
    .max(ANALYSIS_LIMITS.heading, { message: `Nagłówek sekcji może mieć najwyżej ${ANALYSIS_LIMITS.heading} znaków.` }),
  markdown: z
    .string({ message: "Treść sekcji musi być tekstem." })
    .max(ANALYSIS_LIMITS.sectionText, {
      message: `Sekcja może mieć najwyżej ${ANALYSIS_LIMITS.sectionText} znaków.`,
    })
    .default(""),
});
export type AnalysisSectionInput = z.infer<typeof analysisSectionInputSchema>;

/** What the editor saves: the whole document, sections in their new order. */
export const analysisInputSchema = z.object({
  title: displayText({ message: "Podaj tytuł analizy." })
    .trim()
    .min(3, { message: "Tytuł analizy musi mieć co najmniej 3 znaki." })
    .max(ANALYSIS_LIMITS.title, { message: `Tytuł analizy może mieć najwyżej ${ANALYSIS_LIMITS.title} znaków.` }),
  summary: z
    .string({ message: "Streszczenie musi być tekstem." })
    .trim()
    .max(ANALYSIS_LIMITS.summary, { message: `Streszczenie może mieć najwyżej ${ANALYSIS_LIMITS.summary} znaków.` })
    .default(""),
  tags: z
    .array(z.string().regex(TAG_SLUG, { message: "Nieprawidłowy tag." }), { message: "Tagi muszą być listą." })
    .max(DOCUMENT_TAGS_MAX, { message: `Analiza może mieć najwyżej ${DOCUMENT_TAGS_MAX} tagów.` })
    .default([]),
  sections: z
    .array(analysisSectionInputSchema, { message: "Sekcje muszą być listą." })
    .min(1, { message: "Analiza musi mieć co najmniej jedną sekcję." })
    .max(ANALYSIS_LIMITS.sections, { message: `Analiza może mieć najwyżej ${ANALYSIS_LIMITS.sections} sekcji.` }),
  /** The author confirmed removing sections that have comments (the comments go with them). */
  confirmRemoval: z.boolean().default(false),
});
export type AnalysisInput = z.infer<typeof analysisInputSchema>;

/** Publishing: staff choose whether visitors see it too. */
export const analysisPublishInputSchema = z.object({
  isPublic: z.boolean({ message: "Wybierz, czy analiza ma być publiczna." }).default(false),
});

export const analysisPublicInputSchema = z.object({
  isPublic: z.boolean({ message: "Wybierz, czy analiza ma być publiczna." }),
});

export const analysisCommentInputSchema = z.object({
  body: z
    .string({ message: "Napisz komentarz." })
    .trim()
    .min(1, { message: "Napisz komentarz." })
    .max(ANALYSIS_LIMITS.comment, { message: `Komentarz może mieć najwyżej ${ANALYSIS_LIMITS.comment} znaków.` }),
});
export type AnalysisCommentInput = z.infer<typeof analysisCommentInputSchema>;
