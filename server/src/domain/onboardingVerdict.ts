import {
  emailSchema,
  type OnboardingAction,
  type OnboardingProblem,
  type ParticipantCells,
  type UserStatus,
} from "@forum/shared";

/** What the preview found out about a row's person, JST and group. */
export interface RowFacts {
  jst: "found" | "ambiguous" | "unknown" | "missing";
  group: "found" | "unknown" | "missing";
  /** The account that already has this e-mail, if any. */
  account: { status: UserStatus; inGroup: boolean } | null;
  /** An earlier row of the same list has this e-mail. */
  duplicate: boolean;
}

export interface RowVerdict {
  problems: OnboardingProblem[];
  action: OnboardingAction | null;
}

/** "Anna", "Kowalska" or "Anna Kowalska": the name as the forum will show it. */
export function personNameOf(cells: ParticipantCells): string {
  const joined = [cells.firstName, cells.lastName].filter(Boolean).join(" ");
  return (joined || cells.fullName).replace(/\s+/g, " ").trim();
}

/** The address as stored (trimmed, lower-case), or null when it is not an e-mail address. */
export function normalisedEmail(text: string): string | null {
  const parsed = emailSchema.safeParse(text.trim().replace(/^mailto:/i, ""));
  return parsed.success ? parsed.data : null;
}

/**
 * Everything wrong with a row (all at once, so one look fixes it), or what sending will do. An
 * existing account must be active to be added: a pending or suspended one is a moderator's call.
 */
export function verdictOf(cells: ParticipantCells, facts: RowFacts): RowVerdict {
  const problems: OnboardingProblem[] = [];
  if (personNameOf(cells).length < 3) problems.push("missingName");
  if (!normalisedEmail(cells.email)) problems.push("badEmail");
  else if (facts.duplicate) problems.push("duplicateEmail");
  // A new person's JST comes from the list; an existing account keeps the JST it has.
  if (!facts.account && facts.jst === "ambiguous") problems.push("ambiguousJst");
  else if (!facts.account && facts.jst !== "found") problems.push("unknownJst");
  if (facts.group === "missing") problems.push("missingGroup");
  else if (facts.group === "unknown") problems.push("unknownGroup");
  if (facts.account && facts.account.status !== "active") problems.push("accountNotActive");
  if (problems.length > 0) return { problems, action: null };
  if (!facts.account) return { problems, action: "invite" };
  return { problems, action: facts.account.inGroup ? "alreadyMember" : "addExisting" };
}
