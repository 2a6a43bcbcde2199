import { z } from "zod";
import { emailSchema, personNameSchema, terytCodeSchema } from "./schemas/account.js";

/** The columns a participant list may have; headers are recognised by their Polish names in any order. */
export const PARTICIPANT_COLUMNS = [
  "firstName",
  "lastName",
  "fullName",
  "email",
  "teryt",
  "jstName",
  "position",
  "group",
] as const;
export type ParticipantColumn = (typeof PARTICIPANT_COLUMNS)[number];
export type ParticipantCells = Record<ParticipantColumn, string>;

/**
 * What is wrong with a row, each shown with its Polish explanation in the preview. A row with any
 * of them is not sent until the coordinator fixes it (or skips it).
 */
export const ONBOARDING_PROBLEMS = [
  "missingName",
  "badEmail",
  "duplicateEmail",
  "unknownJst",
  "ambiguousJst",
  "unknownGroup",
  "missingGroup",
  "accountNotActive",
] as const;
export type OnboardingProblem = (typeof ONBOARDING_PROBLEMS)[number];

/** What sending will do with a row that has no problem. */
export const ONBOARDING_ACTIONS = ["invite", "addExisting", "alreadyMember"] as const;
export type OnboardingAction = (typeof ONBOARDING_ACTIONS)[number];

/** Where a row is in sending: a row is claimed, then ends invited/added/skipped or failed (retried). */
export const ONBOARDING_SEND_STATES = ["waiting", "sending", "invited", "added", "skipped", "failed"] as const;
export type OnboardingSendState = (typeof ONBOARDING_SEND_STATES)[number];

export const ONBOARDING_IMPORT_STATUSES = ["preview", "sending", "sent"] as const;
export type OnboardingImportStatus = (typeof ONBOARDING_IMPORT_STATUSES)[number];

/** The largest participant list file accepted (a 5,000-row XLSX is well under 1 MB). */
export const ONBOARDING_FILE_MAX_BYTES = 5 * 1024 * 1024;

export const ONBOARDING_PAGE_SIZE = 50;

/** A unit the preview offers when a JST name matched none or several. */
export interface JstSuggestion {
  teryt: string;
  /** "Kraków — miasto na prawach powiatu, małopolskie". */
  label: string;
}

export interface OnboardingRowView {
  id: string;
  line: number;
  cells: ParticipantCells;
  /** The person's name as it will be used (first + last, or the full-name column). */
  name: string;
  email: string;
  jst: { teryt: string; label: string } | null;
  group: { slug: string; name: string } | null;
  problems: OnboardingProblem[];
  /** Set when there is no problem. */
  action: OnboardingAction | null;
  suggestions: JstSuggestion[];
  skipped: boolean;
  sendState: OnboardingSendState;
  /** Why sending this row failed (shown; the row is retried on the next send). */
  sendError: string | null;
}

export interface OnboardingCounts {
  rows: number;
  ready: number;
  problems: number;
  skipped: number;
  /** By what sending will do, for rows without problems. */
  invite: number;
  addExisting: number;
  alreadyMember: number;
  /** Sending progress. */
  done: number;
  failed: number;
}

export interface OnboardingImportView {
  id: string;
  fileName: string;
  status: OnboardingImportStatus;
  createdAt: string;
  createdBy: string;
  cohort: { id: string; name: string } | null;
  counts: OnboardingCounts;
}

export interface OnboardingRowsPage {
  import: OnboardingImportView;
  rows: OnboardingRowView[];
  nextCursor: string | null;
}

export const onboardingRowsQuerySchema = z.object({
  /** Only rows with problems (what the coordinator has to look at). */
  problems: z.enum(["0", "1"]).optional(),
  cursor: z.coerce.number().int().min(0).optional(),
});

/** The coordinator's correction of one row in the preview; only the fields sent change. */
export const onboardingRowFixSchema = z
  .object({
    name: personNameSchema.optional(),
    email: emailSchema.optional(),
    teryt: terytCodeSchema.optional(),
    position: z.string().trim().max(160, { message: "Stanowisko może mieć najwyżej 160 znaków." }).optional(),
    group: z.string().trim().min(1, { message: "Wybierz grupę." }).max(120).optional(),
    skipped: z.boolean().optional(),
  })
  .refine((fix) => Object.keys(fix).length > 0, { message: "Nic do zmiany." });
export type OnboardingRowFix = z.infer<typeof onboardingRowFixSchema>;
