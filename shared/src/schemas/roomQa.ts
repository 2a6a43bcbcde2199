import { z } from "zod";
import { ROOM_POLL_RESULTS_VISIBILITY } from "../constants.js";

export const ROOM_QUESTION_MIN = 3;
export const ROOM_QUESTION_MAX = 500;
export const ROOM_ANSWER_MAX = 1000;
export const ROOM_POLL_QUESTION_MIN = 3;
export const ROOM_POLL_QUESTION_MAX = 300;
export const ROOM_POLL_OPTION_MAX = 200;
export const ROOM_POLL_OPTIONS_MIN = 2;
export const ROOM_POLL_OPTIONS_MAX = 10;

const objectId = z
  .string({ message: "Wybierz odpowiedź." })
  .regex(/^[0-9a-f]{24}$/i, { message: "Nie ma takiej odpowiedzi." });

/** A question asked in a live room. */
export const askRoomQuestionSchema = z.object({
  text: z
    .string({ message: "Wpisz pytanie." })
    .trim()
    .min(ROOM_QUESTION_MIN, { message: `Pytanie musi mieć co najmniej ${ROOM_QUESTION_MIN} znaki.` })
    .max(ROOM_QUESTION_MAX, { message: `Pytanie może mieć najwyżej ${ROOM_QUESTION_MAX} znaków.` }),
});
export type AskRoomQuestionInput = z.infer<typeof askRoomQuestionSchema>;

/** The moderator marks a question answered, optionally noting the answer. */
export const answerRoomQuestionSchema = z.object({
  answer: z
    .string({ message: "Odpowiedź musi być tekstem." })
    .trim()
    .max(ROOM_ANSWER_MAX, { message: `Odpowiedź może mieć najwyżej ${ROOM_ANSWER_MAX} znaków.` })
    .default(""),
});
export type AnswerRoomQuestionInput = z.infer<typeof answerRoomQuestionSchema>;

const pollOptionText = z
  .string({ message: "Wpisz treść odpowiedzi." })
  .trim()
  .min(1, { message: "Odpowiedź nie może być pusta." })
  .max(ROOM_POLL_OPTION_MAX, { message: `Odpowiedź może mieć najwyżej ${ROOM_POLL_OPTION_MAX} znaków.` });

/** A poll the moderator prepares: it starts as a draft and is opened separately. */
export const createRoomPollSchema = z.object({
  question: z
    .string({ message: "Wpisz pytanie ankiety." })
    .trim()
    .min(ROOM_POLL_QUESTION_MIN, { message: `Pytanie ankiety musi mieć co najmniej ${ROOM_POLL_QUESTION_MIN} znaki.` })
    .max(ROOM_POLL_QUESTION_MAX, { message: `Pytanie ankiety może mieć najwyżej ${ROOM_POLL_QUESTION_MAX} znaków.` }),
  options: z
    .array(pollOptionText, { message: "Podaj odpowiedzi do wyboru." })
    .min(ROOM_POLL_OPTIONS_MIN, { message: `Podaj co najmniej ${ROOM_POLL_OPTIONS_MIN} odpowiedzi.` })
    .max(ROOM_POLL_OPTIONS_MAX, { message: `Podaj najwyżej ${ROOM_POLL_OPTIONS_MAX} odpowiedzi.` })
    .refine((options) => new Set(options.map((option) => option.toLowerCase())).size === options.length, {
      message: "Odpowiedzi nie mogą się powtarzać.",
    }),
  multiple: z.boolean({ message: "Wybierz rodzaj ankiety." }).default(false),
  resultsVisibility: z
    .enum(ROOM_POLL_RESULTS_VISIBILITY, { message: "Wybierz, kiedy pokazać wyniki." })
    .default("live"),
});
export type CreateRoomPollInput = z.infer<typeof createRoomPollSchema>;

/** One person's ballot: the chosen option ids (exactly one in a single-choice poll, checked by the server). */
export const voteRoomPollSchema = z.object({
  optionIds: z
    .array(objectId, { message: "Wybierz odpowiedź." })
    .min(1, { message: "Wybierz co najmniej jedną odpowiedź." })
    .max(ROOM_POLL_OPTIONS_MAX, { message: "Wybrano zbyt wiele odpowiedzi." })
    .transform((ids) => [...new Set(ids.map((id) => id.toLowerCase()))]),
});
export type VoteRoomPollInput = z.infer<typeof voteRoomPollSchema>;
