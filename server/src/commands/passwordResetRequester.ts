import { PasswordResetToken } from "../models/PasswordResetToken.js";
import { User } from "../models/User.js";
import { newSecretToken } from "../infra/secretTokens.js";
import { recordEvent } from "./recordEvent.js";
import type { RequestContext } from "../requestContext.js";

export interface PasswordResetRequesterProps {
  /** The address typed into the form (lower-cased by the shared schema). */
  email: string;
  /** How long the link stays valid (PASSWORD_RESET_TTL_MINUTES). */
  validMinutes: number;
  context?: RequestContext;
}

/**
 * Mails a single-use "set a new password" link to an account that can sign in (active or
 * suspended). For any other address nothing happens and nothing is sent; the caller answers
 * the same either way and does not wait for this to finish.
 */
export async function passwordResetRequester(props: PasswordResetRequesterProps): Promise<void> {
  const user = await User.findOne({ email: props.email }).lean();
  if (!user || (user.status !== "active" && user.status !== "suspended")) return;
  const { token, tokenHash } = newSecretToken();
  const expiresAt = new Date(Date.now() + props.validMinutes * 60_000);
  const created = await PasswordResetToken.create({ userId: user._id, tokenHash, expiresAt });
  await recordEvent({
    name: "users.passwordResetRequest",
    actorId: null,
    subjectType: "User",
    subjectId: user._id,
    data: { tokenId: created._id.toString(), expiresAt: expiresAt.toISOString() },
    // The link's token goes to the e-mail only (subscribers/transactionalMail.ts), never into the stored event.
    transient: { token, validMinutes: props.validMinutes },
    context: props.context,
  });
}
