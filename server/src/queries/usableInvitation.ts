import mongoose from "mongoose";
import { Invitation, type InvitationDocument } from "../models/Invitation.js";
import { hashSecretToken } from "../infra/secretTokens.js";

/** The invitation a link's token opens, if it can still be accepted. */
export async function findUsableInvitation(token: string): Promise<InvitationDocument | null> {
  const invitation = await Invitation.findOne({
    tokenHash: hashSecretToken(token),
    acceptedAt: null,
    revokedAt: null,
    expiresAt: mongoose.trusted({ $gt: new Date() }),
  }).lean();
  return invitation as InvitationDocument | null;
}
