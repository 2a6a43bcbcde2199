import type mongoose from "mongoose";
import { badRequest } from "../errors/AppError.js";
import { OnboardingImport, type OnboardingImportDocument } from "../models/OnboardingImport.js";
import { OnboardingRow } from "../models/OnboardingRow.js";
import { ParticipantSheetError, readParticipantSheet, type SheetRow } from "../domain/participantSheet.js";
import { existingAccounts, loadOnboardingContext } from "../queries/onboardingContext.js";
import { recordEvent } from "./recordEvent.js";
import { judgeRow, rowEmail } from "./support/onboardingJudgement.js";
import type { RequestContext } from "../requestContext.js";

export interface OnboardingImporterProps {
  fileName: string;
  content: Buffer;
  cohortId: mongoose.Types.ObjectId | null;
  actorId: mongoose.Types.ObjectId;
  context?: RequestContext;
}

/** Rows are judged and written this many at a time: memory holds one batch, not the list. */
export const ONBOARDING_BATCH = 200;

/**
 * Reads an uploaded participant list (XLSX or CSV) row by row, judges each row (person, JST, group,
 * existing account, duplicate address) and stores one document per row for the preview. Nothing is
 * sent: the coordinator looks, fixes and then asks to send. Only the batch in hand and the set of
 * addresses seen so far (to spot duplicates) are kept in memory.
 */
export async function onboardingImporter(props: OnboardingImporterProps): Promise<OnboardingImportDocument> {
  const context = await loadOnboardingContext(props.cohortId);
  const created = await OnboardingImport.create({
    fileName: props.fileName,
    createdById: props.actorId,
    cohortId: props.cohortId,
    status: "preview",
  });
  const importId = created._id;
  const seen = new Set<string>();
  let index = 0;
  let problems = 0;
  let batch: SheetRow[] = [];

  const flush = async () => {
    if (batch.length === 0) return;
    const accounts = await existingAccounts([...new Set(batch.map((row) => rowEmail(row.cells)))]);
    const documents = batch.map((row) => {
      const email = rowEmail(row.cells);
      const duplicate = email !== "" && seen.has(email);
      seen.add(email);
      const judged = judgeRow(row.cells, context, { account: accounts.get(email) ?? null, duplicate, skipped: false });
      if (judged.attention) problems += 1;
      return { importId, index: index++, line: row.line, cells: row.cells, ...judged };
    });
    await OnboardingRow.insertMany(documents, { ordered: true });
    batch = [];
  };

  try {
    for await (const row of readParticipantSheet(props.content)) {
      batch.push(row);
      if (batch.length >= ONBOARDING_BATCH) await flush();
    }
    await flush();
  } catch (error) {
    // A list that cannot be read leaves nothing behind.
    await OnboardingRow.deleteMany({ importId });
    await OnboardingImport.deleteOne({ _id: importId });
    if (error instanceof ParticipantSheetError) throw badRequest(error.message, { file: error.message });
    throw error;
  }
  if (index === 0) {
    await OnboardingImport.deleteOne({ _id: importId });
    throw badRequest("Na liście nie ma żadnej osoby.", { file: "Na liście nie ma żadnej osoby." });
  }
  const saved = await OnboardingImport.findOneAndUpdate(
    { _id: importId },
    { $set: { rowCount: index } },
    { returnDocument: "after" },
  ).lean();
  await recordEvent({
    name: "onboarding.upload",
    actorId: props.actorId,
    subjectType: "OnboardingImport",
    subjectId: importId,
    data: { fileName: props.fileName, rows: index, problems },
    context: props.context,
  });
  return saved as OnboardingImportDocument;
}
