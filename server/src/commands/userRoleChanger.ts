import type mongoose from "mongoose";
import type { Role } from "@forum/shared";
import { applyUserChanges } from "../models/applyUserChanges.js";
import type { UserDocument } from "../models/User.js";
import { recordEvent } from "./recordEvent.js";
import type { RequestContext } from "../requestContext.js";

export interface UserRoleChangerProps {
  user: UserDocument;
  role: Role;
  actorId: mongoose.Types.ObjectId;
  context?: RequestContext;
}

export async function userRoleChanger(props: UserRoleChangerProps): Promise<UserDocument> {
  const updated = await applyUserChanges(props.user._id, { role: props.role });
  await recordEvent({
    name: "users.changeRole",
    actorId: props.actorId,
    subjectType: "User",
    subjectId: props.user._id,
    data: { before: { role: props.user.role }, after: { role: props.role } },
    context: props.context,
  });
  return updated;
}
