import { z } from "zod";
import { WATCH_LEVELS } from "../constants.js";

/** PUT /api/threads/:id/watch and /api/categories/:id/watch; null goes back to the default. */
export const watchLevelInputSchema = z.object({
  level: z.enum(WATCH_LEVELS, { message: "Nieznany poziom obserwowania." }).nullable(),
});
export type WatchLevelInput = z.infer<typeof watchLevelInputSchema>;

/** GET /api/threads/:id/mentionable?q= — what the person typed after "@". */
export const mentionQuerySchema = z.object({
  q: z.string().trim().max(60, { message: "Zapytanie może mieć najwyżej 60 znaków." }).default(""),
});

/** GET /api/notifications?before=<id> — the cursor is the last id of the previous page. */
export const notificationListQuerySchema = z.object({
  before: z
    .string()
    .regex(/^[0-9a-f]{24}$/, { message: "Nieprawidłowy kursor." })
    .optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});

/** Usernames: lower-case letters, digits, dots, dashes and underscores, starting and ending with a letter or digit. */
export const USERNAME_PATTERN = /^[a-z0-9](?:[a-z0-9._-]{0,38}[a-z0-9])?$/;
