import type mongoose from "mongoose";
import { conflict } from "../errors/AppError.js";
import type { GroupDocument } from "../models/Group.js";
import { Invitation, invitationStatus, type InvitationDocument } from "../models/Invitation.js";
import type { UserDocument } from "../models/User.js";
import { newSecretToken } from "../infra/secretTokens.js";
import { recordEvent } from "./recordEvent.js";
import type { RequestContext } from "../requestContext.js";

export interface InvitationResenderProps {
  /** The invitation to send again (already authorized through its group). */
  invitation: InvitationDocument;
  /** Its group (the e-mail reads its name from the event: subscribers/transactionalMail.ts). */
  group: Pick<GroupDocument, "_id" | "name">;
  /** Who asks for the resend; their name goes into the e-mail. */
  actor: Pick<UserDocument, "_id" | "name">;
  /** How long the new link stays valid (INVITATION_TTL_HOURS). */
  validHours: number;
  context?: RequestContext;
}

/** Sends an open or expired invitation again with a new token and expiry; the old link stops working. */
export async function invitationResender(props: InvitationResenderProps): Promise<InvitationDocument> {
  const status = invitationStatus(props.invitation);
  if (status === "accepted") throw conflict("To zaproszenie zostało już przyjęte.");
  if (status === "revoked") throw conflict("To zaproszenie zostało zastąpione nowszym. Wyślij nowe zaproszenie.");

  const { token, tokenHash } = newSecretToken();
  const expiresAt = new Date(Date.now() + props.validHours * 3_600_000);
  const updated = await Invitation.findOneAndUpdate(
    { _id: props.invitation._id, acceptedAt: null, revokedAt: null },
    { $set: { tokenHash, expiresAt } },
    { returnDocument: "after" },
  ).lean();
  if (!updated) throw conflict("To zaproszenie zostało właśnie przyjęte albo zastąpione.");
  const invitation = updated as InvitationDocument;
  await recordEvent({
    name: "invitations.resend",
    actorId: props.actor._id,
    subjectType: "Invitation",
    subjectId: invitation._id,
    groupId: invitation.groupId as mongoose.Types.ObjectId,
    data: {
      before: { expiresAt: props.invitation.expiresAt.toISOString() },
      after: { expiresAt: expiresAt.toISOString() },
    },
    // The new link's token goes to the e-mail only, never into the stored event.
    transient: { token, validHours: props.validHours },
    context: props.context,
  });
  return invitation;
}
