import type mongoose from "mongoose";
import { conflict, notFound } from "../errors/AppError.js";
import { Group, type GroupDocument } from "../models/Group.js";
import { Membership } from "../models/Membership.js";
import { recordEvent } from "./recordEvent.js";
import type { RequestContext } from "../requestContext.js";

export interface GroupMemberMoverProps {
  from: Pick<GroupDocument, "_id" | "slug" | "name">;
  to: Pick<GroupDocument, "_id" | "slug" | "name">;
  userId: mongoose.Types.ObjectId;
  actorId: mongoose.Types.ObjectId;
  context?: RequestContext;
}

export const alreadyInTarget = () => conflict("Ta osoba już należy do grupy docelowej.");

/**
 * Moves a person from one group to another, keeping their role. The event is the history (shown on
 * the person's page); their posts in the old group stay. Without transactions: the new membership is
 * written first, so a crash between the steps leaves the person in both groups, never in none, and
 * running the move again finishes it.
 */
export async function groupMemberMover(props: GroupMemberMoverProps): Promise<void> {
  if (props.from._id.equals(props.to._id)) throw conflict("Wybierz inną grupę niż obecna.");
  const membership = await Membership.findOne({ groupId: props.from._id, userId: props.userId }).lean();
  if (!membership) throw notFound("Ta osoba nie należy do grupy.");
  const joined = await Membership.updateOne(
    { groupId: props.to._id, userId: props.userId },
    { $setOnInsert: { role: membership.role } },
    { upsert: true },
  );
  if (joined.upsertedCount === 0) throw alreadyInTarget();
  await Group.updateOne({ _id: props.to._id }, { $inc: { memberCount: 1 } });
  const left = await Membership.deleteOne({ _id: membership._id });
  if (left.deletedCount > 0) await Group.updateOne({ _id: props.from._id }, { $inc: { memberCount: -1 } });
  const place = (group: GroupMemberMoverProps["from"]) => ({
    id: group._id.toString(),
    slug: group.slug,
    name: group.name,
  });
  await recordEvent({
    name: "groups.moveMember",
    actorId: props.actorId,
    subjectType: "Group",
    subjectId: props.from._id,
    groupId: props.from._id,
    data: {
      userId: props.userId.toString(),
      targetUserId: props.userId.toString(),
      role: membership.role,
      from: place(props.from),
      to: place(props.to),
    },
    context: props.context,
  });
}
