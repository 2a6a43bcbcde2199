import type mongoose from "mongoose";
import type { GroupRole } from "@forum/shared";
import { notFound } from "../errors/AppError.js";
import { Membership } from "../models/Membership.js";
import { recordEvent } from "./recordEvent.js";
import type { RequestContext } from "../requestContext.js";

export interface GroupMemberRoleSetterProps {
  groupId: mongoose.Types.ObjectId;
  userId: mongoose.Types.ObjectId;
  role: GroupRole;
  actorId: mongoose.Types.ObjectId;
  context?: RequestContext;
}

/** Names a member the group's facilitator (prowadzący) or makes a facilitator a member again. */
export async function groupMemberRoleSetter(props: GroupMemberRoleSetterProps): Promise<{ changed: boolean }> {
  const before = await Membership.findOneAndUpdate(
    { groupId: props.groupId, userId: props.userId },
    { $set: { role: props.role } },
  ).lean();
  if (!before) throw notFound("Ta osoba nie należy do grupy.");
  if (before.role === props.role) return { changed: false };
  await recordEvent({
    name: "groups.setMemberRole",
    actorId: props.actorId,
    subjectType: "Group",
    subjectId: props.groupId,
    groupId: props.groupId,
    data: {
      userId: props.userId.toString(),
      targetUserId: props.userId.toString(),
      before: { role: before.role },
      after: { role: props.role },
    },
    context: props.context,
  });
  return { changed: true };
}
