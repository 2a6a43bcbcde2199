import { z } from "zod";
import { displayText } from "./displayText.js";

export const CATEGORY_KINDS = ["discussion", "announcements"] as const;
export type CategoryKind = (typeof CATEGORY_KINDS)[number];

/** What a moderator writes when creating or editing a category. */
export const categoryInputSchema = z.object({
  name: displayText()
    .trim()
    .min(3, { message: "Nazwa kategorii musi mieć co najmniej 3 znaki." })
    .max(80, { message: "Nazwa kategorii może mieć najwyżej 80 znaków." }),
  description: z.string().trim().max(300, { message: "Opis może mieć najwyżej 300 znaków." }).default(""),
  /** Announcements: only moderators start threads there. */
  kind: z.enum(CATEGORY_KINDS, { message: "Nieznany rodzaj kategorii." }).default("discussion"),
});
export type CategoryInput = z.infer<typeof categoryInputSchema>;

/** Moving a category one place up or down in its group's order. */
export const categoryMoveSchema = z.object({
  direction: z.enum(["up", "down"], { message: "Kierunek musi być „up” albo „down”." }),
});
export type CategoryMove = z.infer<typeof categoryMoveSchema>;
