import { z } from "zod";
import { displayText } from "./displayText.js";
import { TAG_SECTIONS } from "../tags.js";

const tagName = (what: string) =>
  displayText({ message: `Podaj nazwę ${what}.` })
    .trim()
    .min(2, { message: `Nazwa ${what} musi mieć co najmniej 2 znaki.` })
    .max(80, { message: `Nazwa ${what} może mieć najwyżej 80 znaków.` });

const description = z.string().trim().max(500, { message: "Opis może mieć najwyżej 500 znaków." }).default("");

/** A moderator creating or editing a tag group (a facet of the taxonomy). */
export const tagGroupInputSchema = z.object({ name: tagName("grupy tagów"), description });
export type TagGroupInput = z.infer<typeof tagGroupInputSchema>;

/** A moderator creating a tag in a tag group (given by slug). */
export const tagInputSchema = z.object({
  name: tagName("tagu"),
  description,
  tagGroup: z.string({ message: "Wybierz grupę tagów." }).trim().min(1, { message: "Wybierz grupę tagów." }),
});
export type TagInput = z.infer<typeof tagInputSchema>;

/** Renaming, describing or moving a tag to another group; the slug (its address) stays. */
export const tagUpdateSchema = z
  .object({
    name: tagName("tagu").optional(),
    description: z.string().trim().max(500, { message: "Opis może mieć najwyżej 500 znaków." }).optional(),
    tagGroup: z.string().trim().min(1, { message: "Wybierz grupę tagów." }).optional(),
  })
  .refine((input) => Object.values(input).some((value) => value !== undefined), {
    message: "Nie podano żadnej zmiany.",
  });
export type TagUpdate = z.infer<typeof tagUpdateSchema>;

/** One place up or down in the order of its list. */
export const tagMoveSchema = z.object({
  direction: z.enum(["up", "down"], { message: "Kierunek musi być „up” albo „down”." }),
});

/** Merging a tag into another: its documents get the other tag, then it is removed. */
export const tagMergeSchema = z.object({
  into: z
    .string({ message: "Wybierz tag, z którym scalić." })
    .trim()
    .min(1, { message: "Wybierz tag, z którym scalić." }),
});

/** A moderator allowing (or not) free tags in a group. */
export const freeTagsSchema = z.object({
  allowFreeTags: z.boolean({ message: "Podaj, czy wolne tagi są dozwolone (true/false)." }),
});

/** The section of a tag page named in its path (`/tags/:slug/:section`). */
export const tagSectionSchema = z.enum(TAG_SECTIONS, { message: "Nie ma takiej sekcji strony tagu." });

/** Paging a tag page's section. */
export const tagSectionQuerySchema = z.object({
  page: z.coerce
    .number({ message: "Numer strony musi być liczbą." })
    .int({ message: "Numer strony musi być liczbą całkowitą." })
    .min(1, { message: "Numer strony musi być dodatni." })
    .max(1000, { message: "Za duży numer strony." })
    .default(1),
});
