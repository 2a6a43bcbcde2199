import { z } from "zod";
import { displayText } from "./displayText.js";
import { DOCUMENT_TAGS_MAX, PRACTICE_REVIEW_VERDICTS } from "../constants.js";
import { terytCodeSchema } from "./account.js";

const OBJECT_ID = /^[0-9a-f]{24}$/i;
/** A practice's markdown part: long enough for a real description, bounded so a page stays readable. */
export const PRACTICE_TEXT_MAX = 20_000;
export const PRACTICE_JSTS_MAX = 10;
export const PRACTICE_ATTACHMENTS_MAX = 10;

const objectId = z.string().regex(OBJECT_ID, { message: "Nieprawidłowy identyfikator." });
const text = (label: string, max: number) =>
  z
    .string({ message: `${label}: podaj tekst.` })
    .trim()
    .max(max, { message: `${label} może mieć najwyżej ${max} znaków.` })
    .default("");

export const practiceTitleSchema = displayText({ message: "Podaj tytuł praktyki." })
  .trim()
  .min(5, { message: "Tytuł praktyki musi mieć co najmniej 5 znaków." })
  .max(200, { message: "Tytuł praktyki może mieć najwyżej 200 znaków." });

/** Every field of the document as the author writes it (the editor sends all of them each time). */
export const practiceFieldsSchema = z.object({
  title: practiceTitleSchema,
  summary: text("Streszczenie", 1500),
  context: text("Kontekst i problem", PRACTICE_TEXT_MAX),
  actions: text("Opis działań", PRACTICE_TEXT_MAX),
  results: text("Rezultaty i dowody", PRACTICE_TEXT_MAX),
  costs: text("Koszty", PRACTICE_TEXT_MAX),
  fundingSources: text("Źródła finansowania", 500),
  timeFrame: text("Ramy czasowe", 200),
  contact: z
    .object({
      name: displayText({ message: "Imię i nazwisko osoby kontaktowej: podaj tekst." })
        .trim()
        .max(120, { message: "Imię i nazwisko osoby kontaktowej może mieć najwyżej 120 znaków." })
        .default(""),
      email: z
        .string()
        .trim()
        .max(200, { message: "Adres e-mail może mieć najwyżej 200 znaków." })
        .refine((value) => value === "" || z.string().email().safeParse(value).success, {
          message: "Podaj prawidłowy adres e-mail osoby kontaktowej.",
        })
        .default(""),
      phone: z
        .string()
        .trim()
        .max(40, { message: "Numer telefonu może mieć najwyżej 40 znaków." })
        .refine((value) => value === "" || /^\+?[\d\s()-]{6,}$/.test(value), {
          message: "Podaj prawidłowy numer telefonu (cyfry, spacje, myślniki, opcjonalnie +).",
        })
        .default(""),
    })
    .default({ name: "", email: "", phone: "" }),
  /** TERYT codes of the JSTs that carried the practice out. */
  jsts: z
    .array(terytCodeSchema, { message: "Wybierz JST z listy." })
    .min(1, { message: "Wskaż co najmniej jedną JST, która realizowała praktykę." })
    .max(PRACTICE_JSTS_MAX, { message: `Praktyka może wskazywać najwyżej ${PRACTICE_JSTS_MAX} JST.` })
    .transform((codes) => [...new Set(codes)]),
  /** Slugs from the taxonomy; the server refuses unknown ones. */
  tags: z
    .array(z.string().trim().min(1).max(80), { message: "Tagi muszą być listą." })
    .max(DOCUMENT_TAGS_MAX, { message: `Praktyka może mieć najwyżej ${DOCUMENT_TAGS_MAX} tagów.` })
    .default([])
    .transform((tags) => [...new Set(tags)]),
  attachmentIds: z
    .array(objectId)
    .max(PRACTICE_ATTACHMENTS_MAX, {
      message: `Do praktyki można dołączyć najwyżej ${PRACTICE_ATTACHMENTS_MAX} plików.`,
    })
    .default([])
    .transform((ids) => [...new Set(ids)]),
});
export type PracticeFieldsInput = z.infer<typeof practiceFieldsSchema>;

/**
 * A new draft: either written from scratch (a title is enough to start) or from a thread or one of its posts, whose
 * text fills what the author left empty.
 */
export const createPracticeSchema = z
  .object({
    title: displayText().trim().max(200, { message: "Tytuł praktyki może mieć najwyżej 200 znaków." }).default(""),
    source: z
      .object({ threadId: objectId, postId: objectId.nullable().default(null) })
      .nullable()
      .default(null),
  })
  .refine((input) => input.source !== null || input.title.length >= 5, {
    path: ["title"],
    message: "Tytuł praktyki musi mieć co najmniej 5 znaków.",
  });
export type CreatePracticeInput = z.infer<typeof createPracticeSchema>;

/** A save from the editor: the whole document, the version it was based on and an optional note. */
export const updatePracticeSchema = practiceFieldsSchema.extend({
  version: z.number({ message: "Brak numeru wersji." }).int().min(1),
  note: z.string().trim().max(300, { message: "Opis zmiany może mieć najwyżej 300 znaków." }).default(""),
});
export type UpdatePracticeInput = z.infer<typeof updatePracticeSchema>;

export const practiceReviewSchema = z.object({
  verdict: z.enum(PRACTICE_REVIEW_VERDICTS, { message: "Wybierz rekomendację: do publikacji albo do poprawy." }),
  opinion: z
    .string({ message: "Napisz opinię." })
    .trim()
    .min(20, { message: "Opinia eksperta musi mieć co najmniej 20 znaków." })
    .max(PRACTICE_TEXT_MAX, { message: `Opinia może mieć najwyżej ${PRACTICE_TEXT_MAX} znaków.` }),
});
export type PracticeReviewInput = z.infer<typeof practiceReviewSchema>;

export const practicePublishSchema = z.object({
  isPublic: z.boolean({ message: "Zdecyduj, czy praktyka ma być publiczna." }).default(false),
});
export const practicePublicSchema = z.object({
  isPublic: z.boolean({ message: "Zdecyduj, czy praktyka ma być publiczna." }),
});
