import { z } from "zod";
import { MEETING_DAYS, REGISTRATION_MODES } from "../constants.js";

const registrationDaySchema = z.object({
  day: z.union([z.literal(1), z.literal(2)], { message: "Dzień spotkania to 1 albo 2." }),
  mode: z.enum(REGISTRATION_MODES, { message: "Wybierz: na miejscu, online albo nie będę." }),
});

/** A person's answer to a session's sign-up: both days, each on site, online or not coming, and a note. */
export const registrationInputSchema = z.object({
  days: z
    .array(registrationDaySchema)
    .refine(
      (days) =>
        days.length === MEETING_DAYS.length && MEETING_DAYS.every((day) => days.some((item) => item.day === day)),
      { message: "Podaj odpowiedź dla każdego z dwóch dni spotkania." },
    ),
  note: z.string().trim().max(500, { message: "Uwagi mogą mieć najwyżej 500 znaków." }).default(""),
});
export type RegistrationInput = z.infer<typeof registrationInputSchema>;
