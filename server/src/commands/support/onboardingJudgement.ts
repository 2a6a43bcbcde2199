import type mongoose from "mongoose";
import type { OnboardingAction, OnboardingProblem, ParticipantCells } from "@forum/shared";
import { matchJst } from "../../domain/jstMatching.js";
import { normalisedEmail, personNameOf, verdictOf } from "../../domain/onboardingVerdict.js";
import type { ExistingAccount, OnboardingContext } from "../../queries/onboardingContext.js";

/** What the forum made of a row: the fields an OnboardingRow stores besides its cells and send state. */
export interface RowJudgement {
  name: string;
  email: string;
  jstId: mongoose.Types.ObjectId | null;
  suggestedTeryts: string[];
  groupId: mongoose.Types.ObjectId | null;
  problems: OnboardingProblem[];
  action: OnboardingAction | null;
  attention: boolean;
}

/** The address a row will be judged by (lower-case, or the cell as typed when it is no address). */
export const rowEmail = (cells: ParticipantCells): string =>
  normalisedEmail(cells.email) ?? cells.email.trim().toLowerCase();

/**
 * Judges one row against the register, the groups and the account its address already has. Every
 * problem is listed at once; a JST that matched several or none comes with suggestions to choose from.
 */
export function judgeRow(
  cells: ParticipantCells,
  context: OnboardingContext,
  facts: { account: ExistingAccount | null; duplicate: boolean; skipped: boolean },
): RowJudgement {
  const match = matchJst({ teryt: cells.teryt, name: cells.jstName }, context.units, context.byTeryt);
  const group = context.groupNamed(cells.group);
  const verdict = verdictOf(cells, {
    jst: match.kind,
    group: group ? "found" : cells.group.trim() ? "unknown" : "missing",
    account: facts.account
      ? { status: facts.account.status, inGroup: group ? facts.account.groupIds.has(group._id.toString()) : false }
      : null,
    duplicate: facts.duplicate,
  });
  const suggestions = match.kind === "ambiguous" ? match.candidates : match.kind === "unknown" ? match.suggestions : [];
  return {
    name: personNameOf(cells),
    email: rowEmail(cells),
    jstId: match.kind === "found" ? match.jst._id : null,
    suggestedTeryts: suggestions.slice(0, 8).map((unit) => unit.teryt),
    groupId: group?._id ?? null,
    problems: verdict.problems,
    action: verdict.action,
    attention: verdict.problems.length > 0 && !facts.skipped,
  };
}
