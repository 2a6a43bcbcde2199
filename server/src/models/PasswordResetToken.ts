import mongoose, { type InferSchemaType } from "mongoose";

/** One "set a new password" link: single use, expiring; only the token's sha256 is stored. */
const passwordResetTokenSchema = new mongoose.Schema(
  {
    userId: { type: mongoose.Schema.Types.ObjectId, ref: "User", required: true, index: true },
    tokenHash: { type: String, required: true, unique: true },
    /** Compared at use; no TTL index (FerretDB has none). */
    expiresAt: { type: Date, required: true },
    /** Set when used, or when another link of the same user was used (all die together). */
    usedAt: { type: Date, default: null },
  },
  { timestamps: { createdAt: true, updatedAt: false } },
);

export type PasswordResetTokenDocument = InferSchemaType<typeof passwordResetTokenSchema> & {
  _id: mongoose.Types.ObjectId;
};
export const PasswordResetToken = mongoose.model(
  "PasswordResetToken",
  passwordResetTokenSchema,
  "password_reset_tokens",
);
