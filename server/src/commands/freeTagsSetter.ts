import type mongoose from "mongoose";
import { Group, type GroupDocument } from "../models/Group.js";
import { recordEvent } from "./recordEvent.js";
import type { RequestContext } from "../requestContext.js";

/** A moderator allows (or stops allowing) the group's members to add tags outside the taxonomy. */
export async function freeTagsSetter(props: {
  group: GroupDocument;
  allowFreeTags: boolean;
  actorId: mongoose.Types.ObjectId;
  context?: RequestContext;
}): Promise<GroupDocument> {
  const updated = await Group.findOneAndUpdate(
    { _id: props.group._id },
    { $set: { allowFreeTags: props.allowFreeTags } },
    { returnDocument: "after" },
  ).lean();
  if (!updated) throw new Error("group vanished while editing");
  await recordEvent({
    name: "groups.setFreeTags",
    actorId: props.actorId,
    subjectType: "Group",
    subjectId: updated._id,
    groupId: updated._id,
    data: { before: { allowFreeTags: props.group.allowFreeTags }, after: { allowFreeTags: props.allowFreeTags } },
    context: props.context,
  });
  return updated;
}
