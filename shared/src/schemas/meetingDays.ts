import { z } from "zod";
import { MEETING_DAYS } from "../constants.js";

/** A session's day in the path (`/days/:day/…`): 1 or 2, anything else names no day. */
export const meetingDayParamSchema = z.enum(MEETING_DAYS.map(String) as ["1", "2"], {
  message: "Spotkanie ma dzień 1 i dzień 2.",
});

/** Opening a day off its planned date needs the moderator's word that it is meant. */
export const openMeetingDaySchema = z.object({
  confirmEarly: z.boolean({ message: "Nieprawidłowe potwierdzenie." }).optional(),
});
export type OpenMeetingDayInput = z.infer<typeof openMeetingDaySchema>;

export const REOPEN_REASON_MAX = 500;

/** An admin reopens an ended session, and says why (kept in the audit log). */
export const reopenMeetingSchema = z.object({
  reason: z
    .string({ message: "Podaj powód wznowienia spotkania." })
    .trim()
    .min(3, { message: "Podaj powód wznowienia spotkania." })
    .max(REOPEN_REASON_MAX, { message: `Powód może mieć najwyżej ${REOPEN_REASON_MAX} znaków.` }),
});
export type ReopenMeetingInput = z.infer<typeof reopenMeetingSchema>;

/** The error code of a 409 asking to confirm a day opened off its planned date. */
export const EARLY_OPEN_CODE = "meeting_day_off_date";
