import { JobRun } from "../models/JobRun.js";

/** The JobRun row that says when the newest backup was taken (read by the launch checklist). */
export const BACKUP_JOB_NAME = "backup";

/**
 * Records a backup as taken before it is written, so the backup carries its own record (a database restored from
 * it knows when its backup was made, and the restored copy equals the source). Returns how to take the record back
 * if writing the backup fails, so a failed backup never counts.
 */
export async function recordBackup(file: string, takenAt = new Date()): Promise<() => Promise<void>> {
  const previous = await JobRun.findOneAndUpdate(
    { name: BACKUP_JOB_NAME },
    { $set: { lastRunAt: takenAt, lastResult: { file } } },
    { upsert: true },
  ).lean();
  return async () => {
    if (previous)
      await JobRun.updateOne(
        { name: BACKUP_JOB_NAME },
        { $set: { lastRunAt: previous.lastRunAt, lastResult: previous.lastResult } },
      );
    else await JobRun.deleteOne({ name: BACKUP_JOB_NAME });
  };
}
