import mongoose, { type InferSchemaType } from "mongoose";
import { CONSENT_KINDS } from "@forum/shared";

export const CONSENT_VALUES = ["given", "withdrawn"] as const;
/** How the change was made: the profile form, a one-click unsubscribe link in an e-mail, or the system (seed). */
export const CONSENT_CHANNELS = ["profile", "unsubscribeLink", "system"] as const;
export type ConsentChannel = (typeof CONSENT_CHANNELS)[number];

/**
 * One change of one consent (RODO art. 7(1): the controller must be able to show the consent was given). Written by
 * commands/consentsUpdater.ts for every consent that changed; never updated.
 */
const consentRecordSchema = new mongoose.Schema(
  {
    userId: { type: mongoose.Schema.Types.ObjectId, ref: "User", required: true },
    kind: { type: String, required: true, enum: CONSENT_KINDS },
    value: { type: String, required: true, enum: CONSENT_VALUES },
    /** Digest only: the frequency asked for (a change daily → weekly is a new consent to a new frequency). */
    frequency: { type: String, enum: ["daily", "weekly", null], default: null },
    /** Key into CONSENT_TEXTS (shared/src/consents.ts). */
    textVersion: { type: String, required: true },
    /** SHA-256 of the Polish wording of that version, so a later edit of a "published" version would show. */
    textDigest: { type: String, required: true },
    channel: { type: String, required: true, enum: CONSENT_CHANNELS },
    at: { type: Date, required: true },
    ip: { type: String, default: null },
  },
  { versionKey: false },
);
consentRecordSchema.index({ userId: 1, at: -1 });

export type ConsentRecordDocument = InferSchemaType<typeof consentRecordSchema> & { _id: mongoose.Types.ObjectId };
export const ConsentRecord = mongoose.model("ConsentRecord", consentRecordSchema, "consentRecords");
