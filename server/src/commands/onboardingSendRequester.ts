import type mongoose from "mongoose";
import { conflict } from "../errors/AppError.js";
import { OnboardingImport, type OnboardingImportDocument } from "../models/OnboardingImport.js";
import { OnboardingRow } from "../models/OnboardingRow.js";
import { recordEvent } from "./recordEvent.js";
import type { RequestContext } from "../requestContext.js";

export interface OnboardingSendRequesterProps {
  list: OnboardingImportDocument;
  actorId: mongoose.Types.ObjectId;
  context?: RequestContext;
}

/**
 * Asks for a list's invitations to be sent. The request is stored first (status "sending" and its
 * time), so a send that a crash or a restart interrupts is picked up again by the sending job
 * (jobs/onboardingSending.ts); the rows themselves are claimed one by one there. Asking again after
 * fixing more rows sends only those: rows already sent are never sent twice.
 */
export async function onboardingSendRequester(props: OnboardingSendRequesterProps): Promise<OnboardingImportDocument> {
  const ready = await OnboardingRow.countDocuments({
    importId: props.list._id,
    attention: false,
    skipped: false,
    sendState: "waiting",
  });
  const failed = await OnboardingRow.updateMany(
    { importId: props.list._id, sendState: "failed" },
    { $set: { sendState: "waiting", sendError: null } },
  );
  if (ready + failed.modifiedCount === 0)
    throw conflict("Na liście nie ma wierszy gotowych do wysłania. Popraw albo pomiń wiersze z problemami.");
  const updated = await OnboardingImport.findOneAndUpdate(
    { _id: props.list._id },
    { $set: { status: "sending", sendRequestedAt: new Date(), sentAt: null } },
    { returnDocument: "after" },
  ).lean();
  await recordEvent({
    name: "onboarding.send",
    actorId: props.actorId,
    subjectType: "OnboardingImport",
    subjectId: props.list._id,
    data: { ready: ready + failed.modifiedCount },
    context: props.context,
  });
  return updated as OnboardingImportDocument;
}
