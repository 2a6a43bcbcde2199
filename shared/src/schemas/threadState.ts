import { z } from "zod";
import { threadTagsSchema, threadTitleSchema } from "./post.js";

/** Where a pinned thread is shown first: its category's list, or also everyone's home page. */
export const PIN_SCOPES = ["category", "global"] as const;
export type PinScope = (typeof PIN_SCOPES)[number];

export const THREAD_STATE_REASON_MAX = 500;
/** One day: slower than that is a lock, not a slow mode. */
export const SLOW_MODE_MAX_SECONDS = 86_400;

/** An ISO date-time (what `<input type="datetime-local">` gives, once turned into ISO by the client). */
const futureDate = (message: string) =>
  z.iso
    .datetime({ offset: true, message: "Podaj prawidłową datę i godzinę." })
    .refine((value) => new Date(value).getTime() > Date.now(), { message });

const reasonSchema = z
  .string({ message: "Podaj powód." })
  .trim()
  .max(THREAD_STATE_REASON_MAX, { message: `Powód może mieć najwyżej ${THREAD_STATE_REASON_MAX} znaków.` });

export const pinThreadSchema = z.object({
  scope: z.enum(PIN_SCOPES, { message: "Wybierz, gdzie przypiąć wątek." }),
  /** After this moment the thread is no longer pinned; null = until unpinned. */
  until: futureDate("Koniec przypięcia musi być w przyszłości.").nullable().default(null),
});
export type PinThreadInput = z.infer<typeof pinThreadSchema>;

export const lockThreadSchema = z.object({
  reason: reasonSchema.min(3, { message: "Podaj powód (co najmniej 3 znaki)." }),
});
export type LockThreadInput = z.infer<typeof lockThreadSchema>;

export const closeThreadAtSchema = z.object({
  /** From this moment the thread accepts no replies; null cancels a planned closing. */
  closesAt: z.union([futureDate("Data zamknięcia musi być w przyszłości."), z.null()], {
    message: "Podaj prawidłową datę i godzinę.",
  }),
  /** Shown in the thread once closed; empty = "Wątek zamknięty <data>". */
  reason: reasonSchema.default(""),
});
export type CloseThreadAtInput = z.infer<typeof closeThreadAtSchema>;

export const slowModeSchema = z.object({
  seconds: z
    .number({ message: "Podaj liczbę sekund." })
    .int({ message: "Podaj pełną liczbę sekund." })
    .min(0, { message: "Liczba sekund nie może być ujemna." })
    .max(SLOW_MODE_MAX_SECONDS, { message: `Najwyżej ${SLOW_MODE_MAX_SECONDS} sekund (doba).` }),
});
export type SlowModeInput = z.infer<typeof slowModeSchema>;

/** A moderator's rename and/or re-tag; at least one of the two. */
export const editThreadSchema = z
  .object({
    title: threadTitleSchema.optional(),
    tags: threadTagsSchema.transform((tags) => [...new Set(tags)]).optional(),
  })
  .refine((input) => input.title !== undefined || input.tags !== undefined, {
    message: "Podaj nowy tytuł lub tagi.",
  });
export type EditThreadInput = z.infer<typeof editThreadSchema>;
