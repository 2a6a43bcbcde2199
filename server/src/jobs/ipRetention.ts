import mongoose from "mongoose";
import type { Config } from "../config.js";
import { isDuplicateKeyError } from "../db/duplicateKey.js";
import type { Logger } from "../logger.js";
import { Event } from "../models/Event.js";
import { JobRun } from "../models/JobRun.js";
import { sessionCollection } from "../infra/sessionStore.js";
import { runPeriodically, type PeriodicTask } from "./periodicTask.js";

export const IP_RETENTION_JOB = "ipRetention";
const HOUR_MS = 60 * 60 * 1000;
/** How often a process asks the database whether the hourly run is due (one small read). */
const CHECK_EVERY_MS = 5 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;
/** Documents changed per update, so one run never holds a long write on a large audit log. */
const BATCH_SIZE = 500;

export interface IpRetentionResult {
  events: number;
  sessions: number;
  consentRecords: number;
}

/**
 * Sets `ip` to null, BATCH_SIZE documents at a time, in every document of the collection matching `olderThan`.
 * Idempotent: a second run finds nothing left to change.
 */
async function clearIps(
  collection: mongoose.mongo.Collection,
  olderThan: mongoose.mongo.Filter<mongoose.mongo.Document>,
  ipField: string,
): Promise<number> {
  let cleared = 0;
  for (;;) {
    const batch = await collection
      .find({ ...olderThan, [ipField]: { $ne: null } }, { projection: { _id: 1 } })
      .limit(BATCH_SIZE)
      .toArray();
    if (batch.length === 0) return cleared;
    const result = await collection.updateMany(
      { _id: { $in: batch.map((document) => document._id) } },
      { $set: { [ipField]: null } },
    );
    cleared += result.modifiedCount;
    if (batch.length < BATCH_SIZE) return cleared;
  }
}

/** Removes IP addresses older than the retention period from the audit log, sessions and consent records. */
export async function removeOldIps(retentionDays: number, now = new Date()): Promise<IpRetentionResult> {
  const cutoff = new Date(now.getTime() - retentionDays * DAY_MS);
  // The raw collection on purpose: the Event model refuses every change (the audit log is append-only), and
  // removing the IP after the retention period is the one change the law requires of it.
  const events = await clearIps(Event.collection, { createdAt: { $lt: cutoff } }, "ip");
  // A session's IP is the one seen at lastSeenAt (refreshed with it), so it is as old as lastSeenAt.
  const sessions = await clearIps(
    sessionCollection(),
    { "session.lastSeenAt": { $lt: cutoff.getTime() } },
    "session.ip",
  );
  // Consent records (RODO consents with the IP they were given from) come from another module; by name, when present.
  const consentModel = mongoose.models.ConsentRecord;
  const consentRecords = consentModel
    ? await clearIps(consentModel.collection, { createdAt: { $lt: cutoff } }, "ip")
    : 0;
  return { events, sessions, consentRecords };
}

async function lastRunOf(name: string): Promise<Date | null> {
  const existing = await JobRun.findOne({ name }).lean();
  if (existing) return existing.lastRunAt ?? null;
  try {
    await JobRun.create({ name, lastRunAt: null });
  } catch (error) {
    if (!isDuplicateKeyError(error)) throw error;
  }
  return null;
}

/**
 * Runs the removal when an hour has passed since the last run recorded in the database, whichever process ran it.
 * The run is claimed by moving `lastRunAt` from the value read, so two processes never both run it.
 */
async function runIfDue(config: IpRetentionConfig, logger: Logger): Promise<IpRetentionResult | null> {
  const lastRunAt = await lastRunOf(IP_RETENTION_JOB);
  const now = new Date();
  if (lastRunAt && now.getTime() - lastRunAt.getTime() < HOUR_MS) return null;
  const claimed = await JobRun.findOneAndUpdate(
    { name: IP_RETENTION_JOB, lastRunAt },
    { $set: { lastRunAt: now } },
    { returnDocument: "after" },
  ).lean();
  if (!claimed) return null;
  const result = await removeOldIps(config.IP_RETENTION_DAYS, now);
  await JobRun.updateOne({ name: IP_RETENTION_JOB }, { $set: { lastResult: result } });
  if (result.events + result.sessions + result.consentRecords > 0)
    logger.info({ ...result }, "old IP addresses removed");
  return result;
}

type IpRetentionConfig = Pick<Config, "IP_RETENTION_DAYS">;

/**
 * The hourly retention job. It looks at start-up and then every few minutes whether an hour has passed since the
 * stored last run: a process restarted after a long stop runs it at once, one restarted minutes after a run waits
 * for the rest of the hour, and several processes share one run.
 */
export function startIpRetention(options: { config: IpRetentionConfig; logger: Logger }): PeriodicTask {
  const { config, logger } = options;
  return runPeriodically({
    firstInMs: 0,
    everyMs: CHECK_EVERY_MS,
    task: () => runIfDue(config, logger),
    logger,
    label: "IP retention",
  });
}
