import { z } from "zod";
import { displayText } from "./displayText.js";
import { ADDRESSEE_GROUPS, GROUP_ROLES, JST_TYPES, ROLES } from "../constants.js";
import { passwordWeakness } from "../passwordStrength.js";
import { expertiseSchema } from "./network.js";

export const emailSchema = z
  .string({ message: "Podaj adres e-mail." })
  .trim()
  .toLowerCase()
  .email({ message: "Podaj poprawny adres e-mail." })
  .max(254, { message: "Adres e-mail jest za długi." });

/** A new password: length ≥ 12 and not guessable (zxcvbn with the Polish dictionary). */
export const newPasswordSchema = z.string({ message: "Podaj hasło." }).superRefine((password, context) => {
  const weakness = passwordWeakness(password);
  if (weakness) context.addIssue({ code: "custom", message: weakness });
});

export const personNameSchema = displayText({ message: "Podaj imię i nazwisko." })
  .trim()
  .min(3, { message: "Podaj imię i nazwisko." })
  .max(120, { message: "Imię i nazwisko może mieć najwyżej 120 znaków." });

export const terytCodeSchema = z
  .string({ message: "Wybierz JST z listy." })
  .regex(/^\d{2}(\d{2}(\d{3})?)?$/, { message: "Wybierz JST z listy." });

export const positionSchema = z
  .string()
  .trim()
  .min(2, { message: "Podaj stanowisko." })
  .max(160, { message: "Stanowisko może mieć najwyżej 160 znaków." });

export const addresseeGroupSchema = z.enum(ADDRESSEE_GROUPS, { message: "Wybierz grupę adresatów." });

/** What a person gives about themselves when joining, by invitation or by request. */
const joiningFields = {
  name: personNameSchema,
  password: newPasswordSchema,
  jstTeryt: terytCodeSchema,
  position: positionSchema,
  addresseeGroup: addresseeGroupSchema,
};

export const invitationCreateSchema = z.object({
  email: emailSchema,
  role: z.enum(GROUP_ROLES, { message: "Wybierz rolę w grupie." }).default("member"),
});
export type InvitationCreateInput = z.infer<typeof invitationCreateSchema>;

export const invitationAcceptSchema = z.object(joiningFields);
export type InvitationAcceptInput = z.infer<typeof invitationAcceptSchema>;

export const accountRequestSchema = z.object({
  email: emailSchema,
  ...joiningFields,
  message: z.string().trim().max(1000, { message: "Wiadomość może mieć najwyżej 1000 znaków." }).default(""),
});
export type AccountRequestInput = z.infer<typeof accountRequestSchema>;

export const accountRequestRejectSchema = z.object({
  message: z.string().trim().min(1, { message: "Napisz krótko, dlaczego." }).max(1000),
});

export const passwordResetRequestSchema = z.object({ email: emailSchema });
export const passwordResetConfirmSchema = z.object({
  token: z.string().min(20, { message: "Link jest nieprawidłowy." }).max(200, { message: "Link jest nieprawidłowy." }),
  password: newPasswordSchema,
});

export const passwordChangeSchema = z.object({
  currentPassword: z.string().min(1, { message: "Podaj obecne hasło." }).max(1024),
  newPassword: newPasswordSchema,
});

export const LANGUAGES = ["pl", "en"] as const;
export const DIGEST_FREQUENCIES = ["off", "daily", "weekly"] as const;

export const profileUpdateSchema = z.object({
  name: personNameSchema,
  jstTeryt: terytCodeSchema.nullable(),
  position: positionSchema.nullable(),
  addresseeGroup: addresseeGroupSchema.nullable(),
  bio: z.string().trim().max(1000, { message: "Opis może mieć najwyżej 1000 znaków." }).default(""),
  /** Tag slugs of the taxonomy (the server refuses unknown ones). */
  expertise: expertiseSchema.default([]),
  language: z.enum(LANGUAGES).default("pl"),
});
export type ProfileUpdateInput = z.infer<typeof profileUpdateSchema>;

/** Every consent is sent every time (a checkbox form): a missing one is an error, never "unchanged". */
export const consentsUpdateSchema = z.object({
  /** E-mail digest of unread activity. */
  digest: z.enum(DIGEST_FREQUENCIES, { message: "Wybierz, jak często wysyłać podsumowanie." }),
  /** An e-mail at once when someone mentions me. */
  mentionEmails: z.boolean({ message: "Zaznacz albo odznacz zgodę na e-mail o wspomnieniach." }),
  /** Appear in the leaders' directory (Sieć liderów). */
  directoryListing: z.boolean({ message: "Zaznacz albo odznacz zgodę na katalog liderów." }),
  /** The project's newsletter. */
  newsletter: z.boolean({ message: "Zaznacz albo odznacz zgodę na newsletter." }),
});
export type ConsentsUpdateInput = z.infer<typeof consentsUpdateSchema>;

export const userRoleChangeSchema = z.object({ role: z.enum(ROLES, { message: "Wybierz rolę." }) });

export const userSuspendSchema = z.object({
  reason: z.string().trim().min(3, { message: "Podaj powód zawieszenia." }).max(500),
  /** ISO date; null suspends until lifted. */
  until: z.iso
    .datetime({ offset: true, message: "Podaj poprawną datę końca zawieszenia." })
    .nullable()
    .refine((value) => value === null || new Date(value).getTime() > Date.now(), {
      message: "Data końca zawieszenia musi być w przyszłości.",
    }),
});

export const jstSearchQuerySchema = z.object({
  q: z.string().trim().max(80).default(""),
  type: z.enum(JST_TYPES).optional(),
  voivodeship: z
    .string()
    .regex(/^\d{2}$/)
    .optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});

/** erased: the account was deleted on the person's request; only the anonymised shell is left. */
export const USER_STATUSES = ["active", "pending", "suspended", "rejected", "erased"] as const;
export type UserStatus = (typeof USER_STATUSES)[number];

export const adminUserQuerySchema = z.object({
  q: z.string().trim().max(80).default(""),
  role: z.enum(ROLES).optional(),
  status: z.enum(USER_STATUSES).optional(),
  group: z.string().max(80).optional(),
  cursor: z.string().max(40).optional(),
  /** Rows per page: a compact table of 20 by default. */
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
