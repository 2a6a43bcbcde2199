import { z } from "zod";
import { GROUP_ROLES, type GroupRole, type JstType } from "./constants.js";
import { calendarDay } from "./schemas/calendarDay.js";
import { terytCodeSchema } from "./schemas/account.js";
import { displayText } from "./schemas/displayText.js";

/** A cohort (edycja programu): planned until it starts, running, finished when its groups are archived. */
export const COHORT_STATUSES = ["planned", "running", "finished"] as const;
export type CohortStatus = (typeof COHORT_STATUSES)[number];

/** The default of the ORE/ZMP programme: nine two-day sessions per group. */
export const DEFAULT_SESSION_COUNT = 9;
export const MAX_SESSION_COUNT = 30;

const cohortFields = {
  name: displayText({ message: "Podaj nazwę edycji." })
    .trim()
    .min(3, { message: "Nazwa edycji musi mieć co najmniej 3 znaki." })
    .max(120, { message: "Nazwa edycji może mieć najwyżej 120 znaków." }),
  description: z.string().trim().max(2000, { message: "Opis może mieć najwyżej 2000 znaków." }),
  startsOn: calendarDay("Podaj datę rozpoczęcia."),
  endsOn: calendarDay("Podaj datę zakończenia."),
  sessionCount: z
    .number({ message: "Podaj liczbę spotkań." })
    .int({ message: "Liczba spotkań musi być liczbą całkowitą." })
    .min(1, { message: "Grupa ma co najmniej jedno spotkanie." })
    .max(MAX_SESSION_COUNT, { message: `Grupa może mieć najwyżej ${MAX_SESSION_COUNT} spotkań.` }),
  status: z.enum(COHORT_STATUSES, { message: "Wybierz stan edycji." }),
};

const endsAfterStart = (cohort: { startsOn?: string | undefined; endsOn?: string | undefined }) =>
  !cohort.startsOn || !cohort.endsOn || cohort.endsOn >= cohort.startsOn;
const ENDS_AFTER_START = { message: "Edycja nie może skończyć się przed rozpoczęciem.", path: ["endsOn"] };

export const cohortCreateSchema = z
  .object({
    ...cohortFields,
    description: cohortFields.description.default(""),
    sessionCount: cohortFields.sessionCount.default(DEFAULT_SESSION_COUNT),
    status: cohortFields.status.default("planned"),
  })
  .refine(endsAfterStart, ENDS_AFTER_START);
export type CohortCreateInput = z.infer<typeof cohortCreateSchema>;

export const cohortUpdateSchema = z
  .object(cohortFields)
  .partial()
  .refine((input) => Object.keys(input).length > 0, { message: "Nic do zmiany." })
  .refine(endsAfterStart, ENDS_AFTER_START);
export type CohortUpdateInput = z.infer<typeof cohortUpdateSchema>;

export interface CohortView {
  id: string;
  name: string;
  description: string;
  startsOn: string;
  endsOn: string;
  sessionCount: number;
  status: CohortStatus;
  groupCount: number;
}

/** A group's address: lower-case letters, digits and hyphens, as in /grupy/gwd-malopolska. */
export const groupSlugSchema = z
  .string({ message: "Podaj adres grupy." })
  .trim()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, {
    message: "Adres grupy może mieć tylko małe litery bez polskich znaków, cyfry i łączniki.",
  })
  .min(3, { message: "Adres grupy musi mieć co najmniej 3 znaki." })
  .max(60, { message: "Adres grupy może mieć najwyżej 60 znaków." });

export const GROUP_JSTS_MAX = 20;

const groupFields = {
  name: displayText({ message: "Podaj nazwę grupy." })
    .trim()
    .min(3, { message: "Nazwa grupy musi mieć co najmniej 3 znaki." })
    .max(120, { message: "Nazwa grupy może mieć najwyżej 120 znaków." }),
  description: z.string().trim().max(2000, { message: "Opis może mieć najwyżej 2000 znaków." }),
  cohortId: z
    .string({ message: "Wybierz edycję programu." })
    .regex(/^[a-f0-9]{24}$/, { message: "Wybierz edycję programu." }),
  /** The group's JSTs by TERYT code (a GWD has 6–8; the form allows a few more for regional projects). */
  jsts: z
    .array(terytCodeSchema)
    .max(GROUP_JSTS_MAX, { message: `Grupa może mieć najwyżej ${GROUP_JSTS_MAX} JST.` })
    .refine((codes) => new Set(codes).size === codes.length, { message: "Ta sama JST jest na liście dwa razy." }),
};

export const groupCreateSchema = z.object({
  ...groupFields,
  slug: groupSlugSchema,
  description: groupFields.description.default(""),
  jsts: groupFields.jsts.default([]),
});
export type GroupCreateInput = z.infer<typeof groupCreateSchema>;

export const groupUpdateSchema = z
  .object(groupFields)
  .partial()
  .refine((input) => Object.keys(input).length > 0, { message: "Nic do zmiany." });
export type GroupUpdateInput = z.infer<typeof groupUpdateSchema>;

export const groupRoleSchema = z.enum(GROUP_ROLES, { message: "Wybierz rolę w grupie." });

/** Adding people who already have accounts, by username. */
export const groupMembersAddSchema = z.object({
  usernames: z
    .array(z.string().trim().min(1).max(80))
    .min(1, { message: "Wybierz co najmniej jedną osobę." })
    .max(50, { message: "Naraz można dodać najwyżej 50 osób." }),
  role: groupRoleSchema.default("member"),
});
export type GroupMembersAddInput = z.infer<typeof groupMembersAddSchema>;

export const groupMemberMoveSchema = z.object({
  toGroup: z.string({ message: "Wybierz grupę docelową." }).trim().min(1, { message: "Wybierz grupę docelową." }),
});

export const groupMemberRoleSchema = z.object({ role: groupRoleSchema });

/** Approving an account request places the person in groups in the same step (slugs; none is allowed). */
export const accountApprovalSchema = z.object({
  groups: z
    .array(z.string().trim().min(1).max(60))
    .max(10, { message: "Naraz można wybrać najwyżej 10 grup." })
    .default([]),
});

export const memberCandidatesQuerySchema = z.object({
  q: z.string().trim().max(80).default(""),
});

/** A person who could be added to a group (an active account not in it yet). */
export interface MemberCandidate {
  username: string;
  name: string;
  email: string;
  jst: string | null;
}

/** A group as the programme screens list it. */
export interface ProgrammeGroupView {
  id: string;
  slug: string;
  name: string;
  description: string;
  cohortId: string | null;
  cohort: string;
  jsts: { teryt: string; name: string; type: JstType }[];
  memberCount: number;
  archivedAt: string | null;
}

/** The groups an account request may be approved into, with the ones holding the person's JST first. */
export interface GroupChoice {
  slug: string;
  name: string;
  cohort: string;
}

export interface RosterEntry {
  username: string;
  name: string;
  jst: { teryt: string; name: string; type: JstType } | null;
  position: string | null;
  role: GroupRole;
  joinedAt: string;
  lastActiveAt: string | null;
  sessionsAttended: number;
}

export interface GroupRoster {
  group: { slug: string; name: string; archived: boolean; sessionCount: number };
  members: RosterEntry[];
  /** Groups a member may be moved to (staff only; empty otherwise). */
  moveTargets: { slug: string; name: string; cohort: string }[];
  can: { manageMembers: boolean };
}
