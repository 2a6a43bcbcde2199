import type mongoose from "mongoose";
import { applyUserChanges } from "../models/applyUserChanges.js";
import type { UserDocument } from "../models/User.js";
import { recordEvent } from "./recordEvent.js";
import type { RequestContext } from "../requestContext.js";

export interface UserSuspenderProps {
  /** The person to suspend (already authorized). */
  user: UserDocument;
  /** Shown to the person at sign-in. */
  reason: string;
  /** End of the suspension; null until lifted. */
  until: Date | null;
  actorId: mongoose.Types.ObjectId;
  context?: RequestContext;
}

/** Suspends an account; the event disconnects the person's open sockets. */
export async function userSuspender(props: UserSuspenderProps): Promise<UserDocument> {
  const before = { status: props.user.status, suspension: props.user.suspension };
  const updated = await applyUserChanges(props.user._id, {
    status: "suspended",
    suspension: { reason: props.reason, until: props.until, byId: props.actorId },
  });
  await recordEvent({
    name: "users.suspend",
    actorId: props.actorId,
    subjectType: "User",
    subjectId: props.user._id,
    data: { before, after: { status: "suspended", suspension: { reason: props.reason, until: props.until } } },
    context: props.context,
  });
  return updated;
}
