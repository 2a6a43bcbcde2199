import { z } from "zod";
import { calendarDay } from "./calendarDay.js";

const objectId = (message: string) => z.string().regex(/^[0-9a-f]{24}$/i, { message });
const day = calendarDay;
const empty = z.literal("").transform(() => undefined);

/** The audit log's filter, as it travels in the address (empty fields mean "any"). */
export const auditQuerySchema = z
  .object({
    actor: objectId("Wybierz osobę z listy.").optional().or(empty),
    action: z
      .string()
      .regex(/^[a-z]+\.[A-Za-z]+$/, { message: "Wybierz czynność z listy." })
      .optional()
      .or(empty),
    from: day("Podaj datę „od” w formacie RRRR-MM-DD.").optional().or(empty),
    to: day("Podaj datę „do” w formacie RRRR-MM-DD.").optional().or(empty),
    cursor: objectId("Nieprawidłowa strona dziennika.").optional().or(empty),
  })
  .refine((query) => !query.from || !query.to || query.from <= query.to, {
    message: "Data „od” nie może być późniejsza niż data „do”.",
    path: ["to"],
  });

export type AuditQuery = z.infer<typeof auditQuerySchema>;
