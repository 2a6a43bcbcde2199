import mongoose, { type InferSchemaType } from "mongoose";

/**
 * A certificate of participation as issued: the person, what it is for, and what the public verification page
 * confirms (name, programme, subject, days) as it was when issued, so the page never needs the person's account.
 */
const certificateSchema = new mongoose.Schema(
  {
    code: { type: String, required: true },
    userId: { type: mongoose.Schema.Types.ObjectId, ref: "User", required: true },
    subjectType: { type: String, required: true, enum: ["Meeting", "Cohort"] },
    subjectId: { type: mongoose.Schema.Types.ObjectId, required: true },
    name: { type: String, required: true },
    programme: { type: String, required: true },
    subject: { type: String, required: true },
    /** Polish calendar days (YYYY-MM-DD) attended. */
    days: { type: [String], default: [] },
    issuedAt: { type: Date, required: true },
  },
  { timestamps: true },
);
certificateSchema.index({ code: 1 }, { unique: true });
/** One certificate per person and subject: downloading it again hands out the same code. */
certificateSchema.index({ userId: 1, subjectType: 1, subjectId: 1 }, { unique: true });

export type CertificateDocument = InferSchemaType<typeof certificateSchema> & { _id: mongoose.Types.ObjectId };
export const Certificate = mongoose.model("Certificate", certificateSchema, "certificates");
