import type mongoose from "mongoose";
import type { Config } from "../config.js";
import { lessThan } from "../db/comparisons.js";
import type { Logger } from "../logger.js";
import { OnboardingImport } from "../models/OnboardingImport.js";
import { OnboardingRow, type OnboardingRowDocument } from "../models/OnboardingRow.js";
import { User } from "../models/User.js";
import { onboardingRowSender } from "../commands/onboardingRowSender.js";
import { runPeriodically, type PeriodicTask } from "./periodicTask.js";

/** A row claimed longer ago than this was abandoned by a process that stopped: it is claimed again. */
export const STALE_CLAIM_MS = 60_000;
/** Lists looked at per run (several coordinators sending at once). */
const LISTS_PER_RUN = 10;

/**
 * Claims one row of the list to send: a waiting row that is ready, else one whose claim went stale.
 * `findOneAndUpdate` with the row's state (and, for a stale one, its old claim time) in the filter, so
 * two processes never claim the same row.
 */
async function claimRow(importId: mongoose.Types.ObjectId, now: Date): Promise<OnboardingRowDocument | null> {
  const fresh = await OnboardingRow.findOneAndUpdate(
    { importId, attention: false, skipped: false, sendState: "waiting" },
    { $set: { sendState: "sending", claimedAt: now } },
    { sort: { index: 1 }, returnDocument: "after" },
  ).lean();
  if (fresh) return fresh as OnboardingRowDocument;
  const stale = await OnboardingRow.findOne(
    { importId, sendState: "sending", claimedAt: lessThan(new Date(now.getTime() - STALE_CLAIM_MS)) },
    { claimedAt: 1 },
  ).lean();
  if (!stale) return null;
  const reclaimed = await OnboardingRow.findOneAndUpdate(
    { _id: stale._id, sendState: "sending", claimedAt: stale.claimedAt },
    { $set: { claimedAt: now } },
    { returnDocument: "after" },
  ).lean();
  return reclaimed as OnboardingRowDocument | null;
}

/** Sends every ready row of the lists whose sending was asked for and not finished; marks each list sent. */
export async function sendRequestedLists(options: { validHours: number; logger: Logger }): Promise<number> {
  const lists = await OnboardingImport.find({ status: "sending" })
    .sort({ sendRequestedAt: 1 })
    .limit(LISTS_PER_RUN)
    .lean();
  let sent = 0;
  for (const list of lists) {
    const inviter = await User.findById(list.createdById, { name: 1 }).lean();
    if (!inviter) continue;
    for (let row = await claimRow(list._id, new Date()); row; row = await claimRow(list._id, new Date())) {
      await onboardingRowSender({ row, inviter, validHours: options.validHours });
      sent += 1;
    }
    // Finished when nothing ready waits and no other process holds a row of it.
    const open = await OnboardingRow.exists({
      importId: list._id,
      attention: false,
      skipped: false,
      sendState: "waiting",
    });
    const inFlight = await OnboardingRow.exists({ importId: list._id, sendState: "sending" });
    if (!open && !inFlight)
      await OnboardingImport.updateOne(
        { _id: list._id, status: "sending" },
        { $set: { status: "sent", sentAt: new Date() } },
      );
  }
  if (sent > 0) options.logger.info({ rows: sent }, "participant list rows sent");
  return sent;
}

/**
 * The sending job: every few seconds, and at once when a coordinator asks (`runNow`). A send that a
 * crash or restart interrupted is picked up at the next start, since the request is stored.
 */
export function startOnboardingSending(options: {
  config: Pick<Config, "INVITATION_TTL_HOURS">;
  logger: Logger;
}): PeriodicTask {
  return runPeriodically({
    everyMs: 5_000,
    firstInMs: 1_000,
    task: () => sendRequestedLists({ validHours: options.config.INVITATION_TTL_HOURS, logger: options.logger }),
    logger: options.logger,
    label: "participant list sending",
  });
}

let running: PeriodicTask | null = null;
/** The process's sending job, so a route can ask it to run now. */
export const onboardingSending = {
  start(options: Parameters<typeof startOnboardingSending>[0]): PeriodicTask {
    running = startOnboardingSending(options);
    return running;
  },
  nudge(): void {
    running?.runNow();
  },
};
