import type mongoose from "mongoose";
import { applyUserChanges } from "../models/applyUserChanges.js";
import type { UserDocument } from "../models/User.js";
import { silenceTerms } from "./support/silenceTerms.js";
import { recordEvent } from "./recordEvent.js";
import type { RequestContext } from "../requestContext.js";

export interface UserUnsilencerProps {
  user: UserDocument;
  actorId: mongoose.Types.ObjectId;
  context?: RequestContext;
}

/** Lifts a silence: the person may post, react and flag again; the event updates open sockets. */
export async function userUnsilencer(props: UserUnsilencerProps): Promise<UserDocument> {
  const before = { silence: silenceTerms(props.user.silence) };
  const updated = await applyUserChanges(props.user._id, { silence: { reason: null, until: null, byId: null } });
  await recordEvent({
    name: "users.unsilence",
    actorId: props.actorId,
    subjectType: "User",
    subjectId: props.user._id,
    data: { before, after: { silence: null }, targetUserId: props.user._id.toString() },
    context: props.context,
  });
  return updated;
}
