import type mongoose from "mongoose";
import { applyUserChanges } from "../models/applyUserChanges.js";
import type { UserDocument } from "../models/User.js";
import { silenceTerms } from "./support/silenceTerms.js";
import { recordEvent } from "./recordEvent.js";
import type { RequestContext } from "../requestContext.js";

export interface UserSilencerProps {
  /** The person to silence (already authorized). */
  user: UserDocument;
  /** Shown to the person above the composer and with every refused write. */
  reason: string;
  /** End of the silence; null until lifted. */
  until: Date | null;
  actorId: mongoose.Types.ObjectId;
  context?: RequestContext;
}

/** Silences an account: it still reads, but may not post, react or flag; the event updates open sockets. */
export async function userSilencer(props: UserSilencerProps): Promise<UserDocument> {
  const before = { silence: silenceTerms(props.user.silence) };
  const after = { silence: { reason: props.reason, until: props.until } };
  const updated = await applyUserChanges(props.user._id, {
    silence: { reason: props.reason, until: props.until, byId: props.actorId },
  });
  await recordEvent({
    name: "users.silence",
    actorId: props.actorId,
    subjectType: "User",
    subjectId: props.user._id,
    data: { before, after, reason: props.reason, targetUserId: props.user._id.toString() },
    context: props.context,
  });
  return updated;
}
