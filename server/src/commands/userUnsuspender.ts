import type mongoose from "mongoose";
import { applyUserChanges } from "../models/applyUserChanges.js";
import type { UserDocument } from "../models/User.js";
import { recordEvent } from "./recordEvent.js";
import type { RequestContext } from "../requestContext.js";

export interface UserUnsuspenderProps {
  user: UserDocument;
  /** Null when the suspension simply ran out. */
  actorId: mongoose.Types.ObjectId | null;
  context?: RequestContext;
}

export async function userUnsuspender(props: UserUnsuspenderProps): Promise<UserDocument> {
  const updated = await applyUserChanges(props.user._id, {
    status: "active",
    suspension: { reason: null, until: null, byId: null },
  });
  await recordEvent({
    name: "users.unsuspend",
    actorId: props.actorId,
    subjectType: "User",
    subjectId: props.user._id,
    data: { before: { status: props.user.status, suspension: props.user.suspension }, after: { status: "active" } },
    context: props.context,
  });
  return updated;
}
