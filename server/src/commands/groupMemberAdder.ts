import type mongoose from "mongoose";
import type { GroupRole } from "@forum/shared";
import { Group } from "../models/Group.js";
import { Membership } from "../models/Membership.js";
import { recordEvent } from "./recordEvent.js";
import type { RequestContext } from "../requestContext.js";

export interface GroupMemberAdderProps {
  groupId: mongoose.Types.ObjectId;
  userId: mongoose.Types.ObjectId;
  role: GroupRole;
  actorId: mongoose.Types.ObjectId | null;
  context?: RequestContext;
}

/** Adds a user to a group; adding someone already there changes nothing. */
export async function groupMemberAdder(props: GroupMemberAdderProps): Promise<{ added: boolean }> {
  const result = await Membership.updateOne(
    { groupId: props.groupId, userId: props.userId },
    { $setOnInsert: { role: props.role } },
    { upsert: true },
  );
  if (result.upsertedCount === 0) return { added: false };
  await Group.updateOne({ _id: props.groupId }, { $inc: { memberCount: 1 } });
  await recordEvent({
    name: "groups.addMember",
    actorId: props.actorId,
    subjectType: "Group",
    subjectId: props.groupId,
    groupId: props.groupId,
    data: { userId: props.userId.toString(), targetUserId: props.userId.toString(), role: props.role },
    context: props.context,
  });
  return { added: true };
}
