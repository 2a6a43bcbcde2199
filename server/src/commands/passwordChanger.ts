import type mongoose from "mongoose";
import { User, type UserDocument } from "../models/User.js";
import { hashPassword } from "../infra/passwords.js";
import { sessionStore } from "../queries/sessionDirectory.js";
import { recordEvent } from "./recordEvent.js";
import type { RequestContext } from "../requestContext.js";

export interface PasswordChangerProps {
  user: UserDocument;
  /** Already checked for strength by the shared schema. */
  newPassword: string;
  /** This session stays signed in; every other session of the user ends. */
  keepSessionId: string | null;
  actorId: mongoose.Types.ObjectId;
  context?: RequestContext;
}

export async function passwordChanger(props: PasswordChangerProps): Promise<void> {
  await User.updateOne({ _id: props.user._id }, { $set: { passwordHash: await hashPassword(props.newPassword) } });
  const ended = await sessionStore.endSessionsOf(props.user._id.toString(), props.keepSessionId);
  await recordEvent({
    name: "users.changePassword",
    actorId: props.actorId,
    subjectType: "User",
    subjectId: props.user._id,
    data: { otherSessionsEnded: ended },
    context: props.context,
  });
}
