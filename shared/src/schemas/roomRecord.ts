import { z } from "zod";

/** The minutes may be long (two days of notes), but not unbounded. */
export const MINUTES_MAX = 100_000;

const objectId = (message: string) => z.string().regex(/^[0-9a-f]{24}$/i, { message });

/** The moderator highlights one agenda item for everyone (null: none). */
export const roomAgendaItemSchema = z.object({
  agendaItemId: objectId("Wybierz punkt programu.").nullable(),
});
export type RoomAgendaItemInput = z.infer<typeof roomAgendaItemSchema>;

/** A save of the minutes; `baseVersion` is the version the editor started from (a stale one is a conflict). */
export const roomMinutesSchema = z.object({
  markdown: z
    .string({ message: "Podaj treść protokołu." })
    .max(MINUTES_MAX, { message: `Protokół może mieć najwyżej ${MINUTES_MAX} znaków.` }),
  baseVersion: z.number({ message: "Brak wersji protokołu." }).int().min(0, { message: "Brak wersji protokołu." }),
});
export type RoomMinutesInput = z.infer<typeof roomMinutesSchema>;

/** Who besides moderators writes the minutes (null: only moderators). */
export const roomNoteTakerSchema = z.object({
  userId: objectId("Wybierz osobę z listy.").nullable(),
});
export type RoomNoteTakerInput = z.infer<typeof roomNoteTakerSchema>;
