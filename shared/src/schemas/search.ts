import { z } from "zod";
import { SEARCH_KINDS } from "../constants.js";
import { calendarDay } from "./calendarDay.js";

const optionalText = (max: number, message: string) => z.string().trim().max(max, { message }).optional();
const isoDate = calendarDay("Podaj datę w formacie RRRR-MM-DD.").optional();

/** GET /api/search query string; the client's search form validates with the same schema. */
export const searchQuerySchema = z
  .object({
    q: z
      .string({ message: "Wpisz, czego szukasz." })
      .trim()
      .min(2, { message: "Wpisz co najmniej 2 znaki." })
      .max(200, { message: "Zapytanie może mieć najwyżej 200 znaków." }),
    kind: z.enum(SEARCH_KINDS, { message: "Nieznany rodzaj wyników." }).optional(),
    /** Group slug. */
    group: optionalText(100, "Nieznana grupa."),
    /** Tag slug. */
    tag: optionalText(100, "Nieznany tag."),
    /** Author's username. */
    author: optionalText(100, "Nieznany autor."),
    from: isoDate,
    to: isoDate,
    page: z.coerce
      .number({ message: "Numer strony musi być liczbą." })
      .int({ message: "Numer strony musi być liczbą całkowitą." })
      .min(1, { message: "Numer strony zaczyna się od 1." })
      .max(50, { message: "Można przejrzeć najwyżej 50 stron wyników." })
      .default(1),
  })
  .refine((query) => !query.from || !query.to || query.from <= query.to, {
    message: "Data „od” nie może być późniejsza niż data „do”.",
    path: ["to"],
  });
export type SearchQuery = z.infer<typeof searchQuerySchema>;
