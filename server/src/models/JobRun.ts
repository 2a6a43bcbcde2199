import mongoose, { type InferSchemaType } from "mongoose";

/**
 * When a scheduled job last ran, kept in the database so that a restarted (or another) process knows whether the
 * job is overdue. A run is claimed by moving `lastRunAt` from the value read, so one process runs it per period.
 */
const jobRunSchema = new mongoose.Schema(
  {
    name: { type: String, required: true, unique: true },
    lastRunAt: { type: Date, default: null },
    /** What the last run did, for people looking at the database (e.g. how many IP addresses it removed). */
    lastResult: { type: mongoose.Schema.Types.Mixed, default: {} },
  },
  { timestamps: true },
);

export type JobRunDocument = InferSchemaType<typeof jobRunSchema> & { _id: mongoose.Types.ObjectId };
export const JobRun = mongoose.model("JobRun", jobRunSchema, "jobruns");
