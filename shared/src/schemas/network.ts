import { z } from "zod";
import { JST_TYPES } from "../constants.js";

/** Leaders shown per page of the directory. */
export const LEADERS_PAGE_SIZE = 24;

/** How many expertise tags a person may choose. */
export const EXPERTISE_MAX = 12;

/** Expertise: tags of the taxonomy (slugs), checked against it by the server. */
export const expertiseSchema = z
  .array(
    z
      .string()
      .trim()
      .regex(/^[a-z0-9-]{2,60}$/, { message: "Wybierz obszary z listy." }),
    {
      message: "Wybierz obszary z listy.",
    },
  )
  .max(EXPERTISE_MAX, { message: `Wybierz najwyżej ${EXPERTISE_MAX} obszarów.` });

/** A filter left empty in the form ("any") arrives as an empty string. */
const optionalFilter = <Schema extends z.ZodType>(schema: Schema) =>
  z.preprocess((value) => (value === "" ? undefined : value), schema.optional());

/** The leaders' directory filters (query string). */
export const leaderQuerySchema = z.object({
  q: z.string().trim().max(80, { message: "Wpisz najwyżej 80 znaków." }).default(""),
  voivodeship: optionalFilter(z.string().regex(/^\d{2}$/, { message: "Wybierz województwo z listy." })),
  jstType: optionalFilter(z.enum(JST_TYPES, { message: "Wybierz rodzaj JST z listy." })),
  tag: optionalFilter(z.string().regex(/^[a-z0-9-]{1,60}$/, { message: "Wybierz obszar z listy." })),
  group: optionalFilter(z.string().regex(/^[a-z0-9-]{1,80}$/, { message: "Wybierz grupę z listy." })),
  page: z.coerce
    .number({ message: "Numer strony musi być liczbą." })
    .int({ message: "Numer strony musi być liczbą całkowitą." })
    .min(1, { message: "Numer strony musi być większy od zera." })
    .max(10_000, { message: "Nie ma takiej strony." })
    .default(1),
});
export type LeaderQuery = z.infer<typeof leaderQuerySchema>;
