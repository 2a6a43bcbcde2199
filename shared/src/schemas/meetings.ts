import { z } from "zod";
import { displayText } from "./displayText.js";
import { MAX_SESSION_COUNT } from "../programme.js";
import { FORUM_YEARS_MESSAGE, inForumYears } from "./calendarDay.js";

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const OBJECT_ID = /^[0-9a-f]{24}$/i;

const time = (message: string) => z.string().trim().regex(TIME, { message });
const date = (message: string) =>
  z
    .string()
    .trim()
    .regex(DATE, { message })
    .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)), { message })
    .refine(inForumYears, { message: FORUM_YEARS_MESSAGE });
const objectId = z.string().regex(OBJECT_ID, { message: "Nieprawidłowy identyfikator." });

/** What a moderator writes when scheduling or editing a session (dates and times in Polish time). */
export const meetingInputSchema = z
  .object({
    /** 1…the group's number of sessions (its cohort's; the server checks that bound). */
    number: z
      .number({ message: "Podaj numer spotkania." })
      .int({ message: "Numer spotkania musi być liczbą całkowitą." })
      .min(1, { message: "Numer spotkania zaczyna się od 1." })
      .max(MAX_SESSION_COUNT, { message: `Numer spotkania może wynosić najwyżej ${MAX_SESSION_COUNT}.` }),
    title: displayText({ message: "Podaj tytuł spotkania." })
      .trim()
      .min(3, { message: "Tytuł spotkania musi mieć co najmniej 3 znaki." })
      .max(200, { message: "Tytuł spotkania może mieć najwyżej 200 znaków." }),
    firstDay: date("Podaj datę pierwszego dnia w formacie RRRR-MM-DD."),
    secondDay: date("Podaj datę drugiego dnia w formacie RRRR-MM-DD."),
    startTime: time("Podaj godzinę rozpoczęcia w formacie GG:MM."),
    endTime: time("Podaj godzinę zakończenia w formacie GG:MM."),
    venue: z.string().trim().max(300, { message: "Miejsce może mieć najwyżej 300 znaków." }).default(""),
    onlineUrl: z
      .string()
      .trim()
      .max(500, { message: "Adres spotkania online może mieć najwyżej 500 znaków." })
      .refine((value) => value === "" || /^https:\/\/[^\s]+$/.test(value), {
        message: "Adres spotkania online musi zaczynać się od https://.",
      })
      .default(""),
    description: z.string().trim().max(3000, { message: "Opis może mieć najwyżej 3000 znaków." }).default(""),
    /** The last Polish day members may sign up or change their answer themselves ("" = until the session ends). */
    registrationClosesOn: z.union([z.literal(""), date("Podaj termin zapisów w formacie RRRR-MM-DD.")]).default(""),
  })
  .refine((input) => input.registrationClosesOn === "" || input.registrationClosesOn <= input.firstDay, {
    path: ["registrationClosesOn"],
    message: "Termin zapisów musi przypadać najpóźniej w pierwszym dniu spotkania.",
  })
  .refine((input) => input.secondDay > input.firstDay, {
    path: ["secondDay"],
    message: "Drugi dzień musi być późniejszy niż pierwszy.",
  })
  .refine((input) => input.venue !== "" || input.onlineUrl !== "", {
    path: ["venue"],
    message: "Podaj miejsce spotkania albo adres spotkania online.",
  });
export type MeetingInput = z.infer<typeof meetingInputSchema>;

/** One point of the programme as the agenda editor sends it. */
export const agendaItemInputSchema = z
  .object({
    /** Kept when an existing item is edited, so the room's current item survives a change of plan. */
    id: objectId.optional(),
    day: z.union([z.literal(1), z.literal(2)], { message: "Dzień punktu programu to 1 albo 2." }),
    startTime: time("Podaj godzinę rozpoczęcia punktu w formacie GG:MM."),
    endTime: time("Podaj godzinę zakończenia punktu w formacie GG:MM."),
    title: displayText({ message: "Podaj tytuł punktu programu." })
      .trim()
      .min(1, { message: "Podaj tytuł punktu programu." })
      .max(200, { message: "Tytuł punktu programu może mieć najwyżej 200 znaków." }),
    speaker: z.string().trim().max(200, { message: "Prowadzący: najwyżej 200 znaków." }).default(""),
    description: z.string().trim().max(2000, { message: "Opis punktu może mieć najwyżej 2000 znaków." }).default(""),
    attachmentIds: z
      .array(objectId)
      .max(10, { message: "Do punktu można dołączyć najwyżej 10 materiałów." })
      .default([]),
  })
  .refine((item) => item.startTime < item.endTime, {
    path: ["endTime"],
    message: "Punkt programu musi kończyć się później, niż się zaczyna.",
  });
export type AgendaItemInput = z.infer<typeof agendaItemInputSchema>;

/** The whole programme at once (the editor saves the list as it is). */
export const agendaInputSchema = z.object({
  items: z.array(agendaItemInputSchema).max(40, { message: "Program może mieć najwyżej 40 punktów." }),
});
export type AgendaInput = z.infer<typeof agendaInputSchema>;

/** The experts invited into the session's live room. */
export const meetingExpertsInputSchema = z.object({
  expertIds: z.array(objectId).max(50, { message: "Można zaprosić najwyżej 50 ekspertów." }),
});
export type MeetingExpertsInput = z.infer<typeof meetingExpertsInputSchema>;

/** A month of the calendar, "YYYY-MM". */
export const calendarMonthSchema = z.object({
  month: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: "Podaj miesiąc w formacie RRRR-MM." })
    .refine(inForumYears, { message: FORUM_YEARS_MESSAGE }),
});
