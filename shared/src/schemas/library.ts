import { z } from "zod";
import { JST_TYPES } from "../constants.js";

/** The library's query string, as the API receives it (every filter optional). */
export const libraryQuerySchema = z.object({
  kind: z.enum(["practice", "analysis"], { message: "Rodzaj to „practice” albo „analysis”." }).optional(),
  tag: z
    .string()
    .regex(/^[a-z0-9-]{1,80}$/, { message: "Nieprawidłowy tag." })
    .optional(),
  jstType: z.enum(JST_TYPES, { message: "Nieznany typ JST." }).optional(),
  voivodeship: z
    .string()
    .regex(/^(0[2468]|1[02468]|2[02468]|3[02])$/, { message: "Nieznany kod województwa (TERYT: 02–32)." })
    .optional(),
  group: z
    .string()
    .regex(/^[a-z0-9-]{1,80}$/, { message: "Nieprawidłowa nazwa grupy." })
    .optional(),
  year: z.coerce
    .number({ message: "Rok musi być liczbą." })
    .int({ message: "Rok musi być liczbą całkowitą." })
    .min(2000, { message: "Podaj rok od 2000 do 2100." })
    .max(2100, { message: "Podaj rok od 2000 do 2100." })
    .optional(),
  page: z.coerce
    .number({ message: "Numer strony musi być liczbą." })
    .int({ message: "Numer strony musi być liczbą całkowitą." })
    .min(1, { message: "Numer strony musi być większy od zera." })
    .max(500, { message: "Numer strony może wynosić najwyżej 500." })
    .default(1),
});
export type LibraryQuery = z.infer<typeof libraryQuerySchema>;

/** Items per library page. */
export const LIBRARY_PAGE_SIZE = 20;
