import mongoose, { type InferSchemaType } from "mongoose";

/**
 * How far a person's e-mail digest has got. The scheduler claims a send by moving `coveredUntil`
 * with a findOneAndUpdate conditioned on its old value, so a digest goes out once even when
 * two processes (or a restarted one) look at the same person.
 */
const digestStateSchema = new mongoose.Schema(
  {
    userId: { type: mongoose.Schema.Types.ObjectId, ref: "User", required: true, unique: true },
    /** Notifications up to this moment have been in a digest (or were not worth one). */
    coveredUntil: { type: Date, required: true },
    lastSentAt: { type: Date, default: null },
  },
  { timestamps: true },
);

export type DigestStateDocument = InferSchemaType<typeof digestStateSchema> & { _id: mongoose.Types.ObjectId };
export const DigestState = mongoose.model("DigestState", digestStateSchema, "digeststates");
