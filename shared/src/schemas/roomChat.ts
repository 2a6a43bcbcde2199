import { z } from "zod";

/** One chat line: long enough for a link and a sentence or two, short enough to stay a chat. */
export const ROOM_MESSAGE_MAX = 1000;
/** Slow mode in a live room: at most ten minutes between one person's messages. */
export const ROOM_SLOW_MODE_MAX_SECONDS = 600;

const objectIdSchema = (message: string) => z.string({ message }).regex(/^[0-9a-f]{24}$/i, { message });

/** A chat line sent over the socket; `clientId` is made once per message by the sender's browser. */
export const roomMessageSchema = z.object({
  meetingId: objectIdSchema("Nieprawidłowe spotkanie."),
  clientId: z
    .string({ message: "Brak identyfikatora wiadomości." })
    .regex(/^[A-Za-z0-9_-]{8,64}$/, { message: "Nieprawidłowy identyfikator wiadomości." }),
  text: z
    .string({ message: "Wpisz wiadomość." })
    .trim()
    .min(1, { message: "Wpisz wiadomość." })
    .max(ROOM_MESSAGE_MAX, { message: `Wiadomość może mieć najwyżej ${ROOM_MESSAGE_MAX} znaków.` }),
});
export type RoomMessagePayload = z.infer<typeof roomMessageSchema>;

/** Entering a room: `afterSeq` is the last chat number the client has (null for a first visit). */
export const roomJoinSchema = z.object({
  meetingId: objectIdSchema("Nieprawidłowe spotkanie."),
  afterSeq: z.number().int().min(0).nullable().default(null),
});

export const roomHandSchema = z.object({
  meetingId: objectIdSchema("Nieprawidłowe spotkanie."),
  raised: z.boolean({ message: "Podaj, czy ręka jest podniesiona." }),
});

export const roomSlowModeSchema = z.object({
  seconds: z
    .number({ message: "Podaj liczbę sekund." })
    .int({ message: "Podaj liczbę całkowitą sekund." })
    .min(0, { message: "Liczba sekund nie może być ujemna." })
    .max(ROOM_SLOW_MODE_MAX_SECONDS, {
      message: `Tryb powolny może wynosić najwyżej ${ROOM_SLOW_MODE_MAX_SECONDS} sekund.`,
    }),
});
export type RoomSlowModeInput = z.infer<typeof roomSlowModeSchema>;

export const roomPinSchema = z.object({
  messageId: objectIdSchema("Wybierz wiadomość do przypięcia."),
});
export type RoomPinInput = z.infer<typeof roomPinSchema>;
