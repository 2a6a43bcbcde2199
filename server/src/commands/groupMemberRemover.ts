import type mongoose from "mongoose";
import { notFound } from "../errors/AppError.js";
import { Group } from "../models/Group.js";
import { Membership } from "../models/Membership.js";
import { recordEvent } from "./recordEvent.js";
import type { RequestContext } from "../requestContext.js";

export interface GroupMemberRemoverProps {
  groupId: mongoose.Types.ObjectId;
  userId: mongoose.Types.ObjectId;
  actorId: mongoose.Types.ObjectId;
  context?: RequestContext;
}

/**
 * Takes a person out of a group. Their posts stay where they are; their access ends at once (the
 * next request loads their groups anew, and open connections leave the group's rooms: see
 * realtime/groupMembershipFanOut.ts, which follows the event).
 */
export async function groupMemberRemover(props: GroupMemberRemoverProps): Promise<void> {
  const membership = await Membership.findOneAndDelete({ groupId: props.groupId, userId: props.userId }).lean();
  if (!membership) throw notFound("Ta osoba nie należy do grupy.");
  await Group.updateOne({ _id: props.groupId }, { $inc: { memberCount: -1 } });
  await recordEvent({
    name: "groups.removeMember",
    actorId: props.actorId,
    subjectType: "Group",
    subjectId: props.groupId,
    groupId: props.groupId,
    data: { userId: props.userId.toString(), targetUserId: props.userId.toString(), role: membership.role },
    context: props.context,
  });
}
