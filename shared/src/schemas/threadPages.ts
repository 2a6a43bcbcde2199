import { z } from "zod";

/** Posts per page unless the client asks for another size (at most POSTS_PAGE_MAX). */
export const POSTS_PAGE_DEFAULT = 50;
export const POSTS_PAGE_MAX = 100;

/** A query-string number: digits only (no sign, no blanks, no exponent). */
const queryNumber = (name: string, min: number, max: number) =>
  z
    .string({ message: `Parametr „${name}” musi być liczbą.` })
    .regex(/^\d{1,15}$/, { message: `Parametr „${name}” musi być nieujemną liczbą całkowitą.` })
    .transform(Number)
    .refine((value) => value >= min && value <= max, {
      message: `Parametr „${name}” musi wynosić od ${min} do ${max}.`,
    });

const postNumber = (name: string) => queryNumber(name, 0, Number.MAX_SAFE_INTEGER);

/**
 * Which page of a thread's posts to read, by post number: `after`/`before` a number (exclusive),
 * `around` a number (the page holds it when it exists), the first post written `at` or after a
 * moment, or the `last` page. Without any of them: the first page. Only one may be given.
 */
export const threadPostsQuerySchema = z
  .object({
    after: postNumber("after").optional(),
    before: postNumber("before").optional(),
    around: postNumber("around").optional(),
    at: z.iso
      .datetime({ offset: true, message: "Parametr „at” musi być datą w formacie ISO 8601." })
      .transform((value) => new Date(value))
      .optional(),
    last: z.literal("1", { message: "Parametr „last” może mieć tylko wartość 1." }).optional(),
    limit: queryNumber("limit", 1, POSTS_PAGE_MAX).default(POSTS_PAGE_DEFAULT),
  })
  .refine(
    (query) =>
      [query.after, query.before, query.around, query.at, query.last].filter((value) => value !== undefined).length <=
      1,
    { message: "Podaj tylko jeden z parametrów: after, before, around, at lub last." },
  );
export type ThreadPostsQuery = z.infer<typeof threadPostsQuerySchema>;

/** "I have read up to this post" (the highest number seen); the server never moves it backwards. */
export const readPositionSchema = z.object({
  number: z
    .number({ message: "Podaj numer wpisu." })
    .int({ message: "Numer wpisu musi być liczbą całkowitą." })
    .min(1, { message: "Numer wpisu musi wynosić co najmniej 1." })
    .max(Number.MAX_SAFE_INTEGER, { message: "Numer wpisu jest za duży." }),
});
export type ReadPositionInput = z.infer<typeof readPositionSchema>;
