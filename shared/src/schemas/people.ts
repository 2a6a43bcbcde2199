import { z } from "zod";

/** A future end date, or null for "until lifted" (silences and suspensions). */
const untilSchema = (message: string) =>
  z.iso
    .datetime({ offset: true, message: "Podaj poprawną datę końca." })
    .nullable()
    .refine((value) => value === null || new Date(value).getTime() > Date.now(), { message });

export const userSilenceSchema = z.object({
  reason: z
    .string({ message: "Podaj powód wyciszenia." })
    .trim()
    .min(3, { message: "Podaj powód wyciszenia." })
    .max(500, { message: "Powód może mieć najwyżej 500 znaków." }),
  until: untilSchema("Data końca wyciszenia musi być w przyszłości."),
});
export type UserSilenceInput = z.infer<typeof userSilenceSchema>;

export const userNoteSchema = z.object({
  body: z
    .string({ message: "Wpisz treść notatki." })
    .trim()
    .min(1, { message: "Wpisz treść notatki." })
    .max(2000, { message: "Notatka może mieć najwyżej 2000 znaków." }),
});
export type UserNoteInput = z.infer<typeof userNoteSchema>;

export const approvalRejectSchema = z.object({
  message: z
    .string({ message: "Napisz autorowi, dlaczego wpis został odrzucony." })
    .trim()
    .min(3, { message: "Napisz autorowi, dlaczego wpis został odrzucony." })
    .max(1000, { message: "Wiadomość może mieć najwyżej 1000 znaków." }),
});
export type ApprovalRejectInput = z.infer<typeof approvalRejectSchema>;

/** A post or a new thread waiting for a moderator, as its author and moderators see it. */
export interface PendingPostView {
  id: string;
  kind: "reply" | "thread";
  /** The thread a reply goes into; null for a new thread. */
  thread: { id: string; title: string } | null;
  /** Title of a new thread; null for a reply. */
  title: string | null;
  category: { id: string; name: string } | null;
  author: { id: string; name: string; username: string; jstName: string | null };
  html: string;
  body: string;
  createdAt: string;
  status: "pending" | "rejected";
  /** The moderator's message to the author, once rejected. */
  rejectionMessage: string | null;
}

/** GET /api/moderation/approvals: the queue, oldest first, and how many wait in all. */
export interface ApprovalQueue {
  items: PendingPostView[];
  total: number;
}

/** A silence or suspension in force. */
export interface Restriction {
  reason: string;
  until: string | null;
}

export interface UserNoteView {
  id: string;
  body: string;
  author: { id: string; name: string };
  createdAt: string;
  /** The viewer wrote it, so may delete it. */
  mine: boolean;
}

export interface ModerationHistoryItem {
  id: string;
  name: string;
  actor: { id: string; name: string } | null;
  createdAt: string;
  reason: string | null;
  threadId: string | null;
}

/** GET /api/people/:username/moderation: what moderators see and may do about a person. */
export interface PersonModerationView {
  userId: string;
  role: "admin" | "moderator" | "expert" | "member";
  suspension: Restriction | null;
  silence: Restriction | null;
  canSuspend: boolean;
  canSilence: boolean;
  notes: UserNoteView[];
  history: ModerationHistoryItem[];
}
