import { z } from "zod";
import { POST_BODY_MAX } from "./post.js";

export const DRAFT_TITLE_MAX = 200;

/**
 * A composer's text kept on the server, so that it follows the person to another device.
 * Not trimmed and may be empty: it is scratch text, checked as a post only when sent.
 */
export const saveDraftSchema = z.object({
  title: z
    .string({ message: "Tytuł musi być tekstem." })
    .max(DRAFT_TITLE_MAX, { message: `Tytuł może mieć najwyżej ${DRAFT_TITLE_MAX} znaków.` })
    .default(""),
  body: z
    .string({ message: "Treść musi być tekstem." })
    .max(POST_BODY_MAX, { message: `Wpis może mieć najwyżej ${POST_BODY_MAX} znaków.` }),
  /** The clientId the post will be sent with, so a send from any device is stored once. */
  clientId: z.string({ message: "Brak identyfikatora wpisu." }).uuid({ message: "Nieprawidłowy identyfikator wpisu." }),
});
export type SaveDraftInput = z.infer<typeof saveDraftSchema>;
