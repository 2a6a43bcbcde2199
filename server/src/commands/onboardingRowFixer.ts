import type mongoose from "mongoose";
import type { OnboardingRowFix, ParticipantCells } from "@forum/shared";
import { conflict, notFound } from "../errors/AppError.js";
import { notEqual, lessThan } from "../db/comparisons.js";
import type { OnboardingImportDocument } from "../models/OnboardingImport.js";
import { OnboardingRow, type OnboardingRowDocument } from "../models/OnboardingRow.js";
import { existingAccounts, loadOnboardingContext } from "../queries/onboardingContext.js";
import { recordEvent } from "./recordEvent.js";
import { judgeRow, rowEmail } from "./support/onboardingJudgement.js";
import type { RequestContext } from "../requestContext.js";

export interface OnboardingRowFixerProps {
  list: OnboardingImportDocument;
  rowId: mongoose.Types.ObjectId;
  fix: OnboardingRowFix;
  actorId: mongoose.Types.ObjectId;
  context?: RequestContext;
}

/** The cells a fix changes: a chosen unit replaces the typed name, a full name replaces first and last. */
function fixedCells(cells: ParticipantCells, fix: OnboardingRowFix): ParticipantCells {
  const next = { ...cells };
  if (fix.name !== undefined) Object.assign(next, { firstName: "", lastName: "", fullName: fix.name });
  if (fix.email !== undefined) next.email = fix.email;
  if (fix.teryt !== undefined) next.teryt = fix.teryt;
  if (fix.position !== undefined) next.position = fix.position;
  if (fix.group !== undefined) next.group = fix.group;
  return next;
}

/**
 * The coordinator corrects one row in the preview (or skips it): the row is judged again at once,
 * so the preview shows whether it is ready. A row already sent cannot change.
 */
export async function onboardingRowFixer(props: OnboardingRowFixerProps): Promise<OnboardingRowDocument> {
  const row = await OnboardingRow.findOne({ _id: props.rowId, importId: props.list._id }).lean();
  if (!row) throw notFound();
  if (row.sendState !== "waiting" && row.sendState !== "failed")
    throw conflict("Ten wiersz został już wysłany i nie można go zmienić.");
  const cells = fixedCells(row.cells as ParticipantCells, props.fix);
  const skipped = props.fix.skipped ?? row.skipped;
  const email = rowEmail(cells);
  const [context, accounts, earlier] = await Promise.all([
    loadOnboardingContext(props.list.cohortId ?? null),
    existingAccounts([email]),
    email
      ? OnboardingRow.exists({ importId: props.list._id, email, _id: notEqual(row._id), index: lessThan(row.index) })
      : null,
  ]);
  const judged = judgeRow(cells, context, {
    account: accounts.get(email) ?? null,
    duplicate: Boolean(earlier),
    skipped,
  });
  const updated = await OnboardingRow.findOneAndUpdate(
    { _id: row._id, sendState: row.sendState },
    { $set: { cells, skipped, ...judged, sendState: "waiting", sendError: null } },
    { returnDocument: "after" },
  ).lean();
  if (!updated) throw conflict("Ten wiersz właśnie jest wysyłany. Odśwież podgląd.");
  await recordEvent({
    name: "onboarding.fixRow",
    actorId: props.actorId,
    subjectType: "OnboardingImport",
    subjectId: props.list._id,
    data: {
      line: row.line,
      fields: Object.keys(props.fix),
      before: { problems: [...row.problems] },
      after: { problems: [...judged.problems] },
    },
    context: props.context,
  });
  return updated as OnboardingRowDocument;
}
