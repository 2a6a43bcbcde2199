import { z } from "zod";

/** Why a post is reported; "other" needs a text. */
export const FLAG_REASONS = ["off_topic", "inappropriate", "spam", "personal_data", "other"] as const;
export type FlagReason = (typeof FLAG_REASONS)[number];

/** Polish names of the reasons: the server uses them as the hide reason, the client has its own translations. */
export const FLAG_REASON_NAMES: Record<FlagReason, string> = {
  off_topic: "nie na temat",
  inappropriate: "niestosowne",
  spam: "spam",
  personal_data: "dane osobowe (RODO)",
  other: "inne",
};

export const FLAG_STATUSES = ["pending", "agreed", "disagreed", "ignored"] as const;
export type FlagStatus = (typeof FLAG_STATUSES)[number];

/** A moderator's decision on all pending flags of one post. */
export const FLAG_RESOLUTIONS = ["agree", "disagree", "ignore"] as const;
export type FlagResolution = (typeof FLAG_RESOLUTIONS)[number];

/** The reason a post hidden automatically shows until a moderator reviews it. */
export const AUTO_HIDE_REASON = "ukryty do czasu przeglądu";

export const MODERATION_TEXT_MAX = 1000;

const optionalText = z
  .string({ message: "Tekst musi być napisem." })
  .trim()
  .max(MODERATION_TEXT_MAX, { message: `Tekst może mieć najwyżej ${MODERATION_TEXT_MAX} znaków.` })
  .default("");

export const createFlagSchema = z
  .object({
    reason: z.enum(FLAG_REASONS, { message: "Wybierz powód zgłoszenia." }),
    text: optionalText,
  })
  .refine((flag) => flag.reason !== "other" || flag.text.length > 0, {
    message: "Opisz, co jest nie tak z tym wpisem.",
    path: ["text"],
  });
export type CreateFlagInput = z.infer<typeof createFlagSchema>;

export const hidePostSchema = z.object({
  reason: z
    .string({ message: "Podaj powód ukrycia." })
    .trim()
    .min(3, { message: "Powód ukrycia musi mieć co najmniej 3 znaki." })
    .max(300, { message: "Powód ukrycia może mieć najwyżej 300 znaków." }),
});
export type HidePostInput = z.infer<typeof hidePostSchema>;

export const resolveFlagsSchema = z.object({
  resolution: z.enum(FLAG_RESOLUTIONS, { message: "Wybierz decyzję." }),
  note: optionalText,
});
export type ResolveFlagsInput = z.infer<typeof resolveFlagsSchema>;

export const messageAuthorSchema = z.object({
  text: z
    .string({ message: "Wpisz treść wiadomości." })
    .trim()
    .min(1, { message: "Wpisz treść wiadomości." })
    .max(MODERATION_TEXT_MAX, { message: `Wiadomość może mieć najwyżej ${MODERATION_TEXT_MAX} znaków.` }),
});
export type MessageAuthorInput = z.infer<typeof messageAuthorSchema>;

export const flagListQuerySchema = z.object({
  status: z.enum(FLAG_STATUSES, { message: "Nieznany stan zgłoszenia." }).default("pending"),
});

/** One flag in the review queue. */
export interface FlagView {
  id: string;
  reason: FlagReason;
  text: string;
  status: FlagStatus;
  flagger: { id: string; name: string };
  createdAt: string;
  resolvedBy: { id: string; name: string } | null;
  resolvedAt: string | null;
  resolutionNote: string;
}

/** One flagged post with its context and every flag on it (GET /api/moderation/flags). */
export interface FlaggedPostView {
  post: {
    id: string;
    number: number;
    excerpt: string;
    createdAt: string;
    hidden: { reason: string; auto: boolean } | null;
    deleted: boolean;
  };
  thread: { id: string; title: string };
  author: {
    id: string;
    name: string;
    /** When the account was created: how long the person has been here. */
    memberSince: string;
    /** Earlier flags on their posts that moderators agreed with, and their posts hidden now. */
    agreedFlags: number;
    hiddenPosts: number;
  };
  flags: FlagView[];
}

export interface FlagQueue {
  items: FlaggedPostView[];
  /** How many flags have the asked status (for the dashboard badge). */
  total: number;
}
