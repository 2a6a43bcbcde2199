import mongoose from "mongoose";
import { AppError } from "../errors/AppError.js";
import { PasswordResetToken } from "../models/PasswordResetToken.js";
import { User, type UserDocument } from "../models/User.js";
import { forgiveAttempts } from "../http/rateLimits.js";
import { hashPassword } from "../infra/passwords.js";
import { hashSecretToken } from "../infra/secretTokens.js";
import { recordEvent } from "./recordEvent.js";
import type { RequestContext } from "../requestContext.js";

export const resetInvalid = () =>
  new AppError(400, "reset_invalid", "Link do ustawienia hasła jest nieważny lub wygasł. Poproś o nowy.");

export interface PasswordResetterProps {
  /** The token from the e-mailed link. */
  token: string;
  /** The new password (already checked for strength by the shared schema). */
  password: string;
  context?: RequestContext;
}

/**
 * Sets a new password with a single-use link. Every other open link of the user dies with it,
 * and so does every session of the user: a stolen session does not outlive the reset.
 */
export async function passwordResetter(props: PasswordResetterProps): Promise<UserDocument> {
  const now = new Date();
  const claimed = await PasswordResetToken.findOneAndUpdate(
    { tokenHash: hashSecretToken(props.token), usedAt: null, expiresAt: mongoose.trusted({ $gt: now }) },
    { $set: { usedAt: now } },
    { returnDocument: "after" },
  ).lean();
  if (!claimed) throw resetInvalid();
  const user = await User.findById(claimed.userId).lean();
  if (!user || (user.status !== "active" && user.status !== "suspended")) throw resetInvalid();

  const passwordHash = await hashPassword(props.password);
  await User.updateOne({ _id: user._id }, { $set: { passwordHash } });
  const otherLinks = await PasswordResetToken.updateMany({ userId: user._id, usedAt: null }, { $set: { usedAt: now } });
  // connect-mongo keeps `session.passport.user` as the user id string (stringify: false).
  const sessions = await mongoose.connection
    .collection("sessions")
    .deleteMany({ "session.passport.user": user._id.toString() });
  await forgiveAttempts("login", user.email);
  await recordEvent({
    name: "users.passwordReset",
    actorId: user._id,
    subjectType: "User",
    subjectId: user._id,
    data: {
      tokenId: claimed._id.toString(),
      otherLinksClosed: otherLinks.modifiedCount,
      sessionsEnded: sessions.deletedCount,
    },
    context: props.context,
  });
  return user as UserDocument;
}
