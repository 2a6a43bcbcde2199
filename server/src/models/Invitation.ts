import mongoose, { type InferSchemaType } from "mongoose";
import { GROUP_ROLES } from "@forum/shared";

/**
 * An invitation of one e-mail address to one group. The link's token is never stored, only its
 * sha256; expiry is a field compared at use (no TTL index: FerretDB has none).
 */
const invitationSchema = new mongoose.Schema(
  {
    email: { type: String, required: true, lowercase: true, trim: true },
    groupId: { type: mongoose.Schema.Types.ObjectId, ref: "Group", required: true },
    role: { type: String, required: true, enum: GROUP_ROLES, default: "member" },
    tokenHash: { type: String, required: true, unique: true },
    expiresAt: { type: Date, required: true },
    acceptedAt: { type: Date, default: null },
    revokedAt: { type: Date, default: null },
    invitedById: { type: mongoose.Schema.Types.ObjectId, ref: "User", required: true },
    /** From a participant list: the acceptance form is prefilled with what the coordinator's sheet said. */
    prefill: {
      type: new mongoose.Schema(
        {
          name: { type: String, default: "" },
          jstId: { type: mongoose.Schema.Types.ObjectId, ref: "Jst", default: null },
          position: { type: String, default: "" },
        },
        { _id: false },
      ),
      default: null,
    },
    /** The account created by accepting. */
    userId: { type: mongoose.Schema.Types.ObjectId, ref: "User", default: null },
  },
  { timestamps: true },
);
invitationSchema.index({ groupId: 1, createdAt: -1 });
invitationSchema.index({ email: 1, groupId: 1 });

export type InvitationDocument = InferSchemaType<typeof invitationSchema> & {
  _id: mongoose.Types.ObjectId;
  createdAt: Date;
  updatedAt: Date;
};
export const Invitation = mongoose.model("Invitation", invitationSchema, "invitations");

export type InvitationStatus = "pending" | "accepted" | "expired" | "revoked";

export function invitationStatus(
  invitation: Pick<InvitationDocument, "acceptedAt" | "revokedAt" | "expiresAt">,
  now = new Date(),
): InvitationStatus {
  if (invitation.acceptedAt) return "accepted";
  if (invitation.revokedAt) return "revoked";
  return invitation.expiresAt.getTime() <= now.getTime() ? "expired" : "pending";
}
