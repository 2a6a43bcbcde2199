import mongoose from "mongoose";
import type { InvitationAcceptInput } from "@forum/shared";
import { AppError, conflict } from "../errors/AppError.js";
import { isDuplicateKeyError } from "../db/duplicateKey.js";
import { Invitation, type InvitationDocument } from "../models/Invitation.js";
import type { UserDocument } from "../models/User.js";
import { jstByTeryt } from "../queries/jstByTeryt.js";
import { findUsableInvitation } from "../queries/usableInvitation.js";
import { hashPassword } from "../infra/passwords.js";
import { groupMemberAdder } from "./groupMemberAdder.js";
import { recordEvent } from "./recordEvent.js";
import { userCreator } from "./userCreator.js";
import type { RequestContext } from "../requestContext.js";

export const invitationInvalid = () =>
  new AppError(404, "invitation_invalid", "Zaproszenie jest nieważne lub wygasło. Poproś moderatora o nowe.");

export interface InvitationAccepterProps {
  /** The token from the invitation link. */
  token: string;
  /** What the person gives about themselves (parsed with invitationAcceptSchema). */
  input: InvitationAcceptInput;
  context?: RequestContext;
}

/**
 * Accepts an invitation once: creates an active account for the invited e-mail and adds it to
 * the group. The invitation is claimed with a conditional update on `acceptedAt: null`, so a
 * double submit creates one account and the second answers "invalid".
 */
export async function invitationAccepter(
  props: InvitationAccepterProps,
): Promise<{ user: UserDocument; invitation: InvitationDocument }> {
  const found = await findUsableInvitation(props.token);
  if (!found) throw invitationInvalid();
  const jst = await jstByTeryt(props.input.jstTeryt);
  const passwordHash = await hashPassword(props.input.password);

  const acceptedAt = new Date();
  const claimed = await Invitation.findOneAndUpdate(
    { _id: found._id, acceptedAt: null, revokedAt: null, expiresAt: mongoose.trusted({ $gt: acceptedAt }) },
    { $set: { acceptedAt } },
    { returnDocument: "after" },
  ).lean();
  if (!claimed) throw invitationInvalid();

  let user: UserDocument;
  try {
    user = await userCreator({
      email: claimed.email,
      password: { hash: passwordHash },
      name: props.input.name,
      role: "member",
      jstId: jst._id,
      position: props.input.position,
      addresseeGroup: props.input.addresseeGroup,
      actorId: null,
      context: props.context,
    });
  } catch (error) {
    // Give the invitation back: nothing was created, the link may be used again.
    await Invitation.updateOne({ _id: claimed._id }, { $set: { acceptedAt: null } });
    if (isDuplicateKeyError(error))
      throw conflict("Konto z tym adresem e-mail już istnieje. Zaloguj się albo ustaw nowe hasło.");
    throw error;
  }

  await Invitation.updateOne({ _id: claimed._id }, { $set: { userId: user._id } });
  await groupMemberAdder({
    groupId: claimed.groupId,
    userId: user._id,
    role: claimed.role,
    actorId: user._id,
    context: props.context,
  });
  await recordEvent({
    name: "invitations.accept",
    actorId: user._id,
    subjectType: "Invitation",
    subjectId: claimed._id,
    groupId: claimed.groupId,
    data: {
      before: { acceptedAt: null },
      after: { acceptedAt: acceptedAt.toISOString(), userId: user._id.toString() },
    },
    context: props.context,
  });
  return { user, invitation: { ...(claimed as InvitationDocument), userId: user._id } };
}
