import type mongoose from "mongoose";
import { conflict, notFound } from "../errors/AppError.js";
import { notEqual } from "../db/comparisons.js";
import { Group, type GroupDocument } from "../models/Group.js";
import { recordEvent } from "./recordEvent.js";
import type { RequestContext } from "../requestContext.js";

export interface GroupUnarchiverProps {
  group: GroupDocument;
  actorId: mongoose.Types.ObjectId;
  context?: RequestContext;
}

export const notArchived = () => conflict("Ta grupa nie jest w archiwum.");

/** Undoes an archiving (a group archived by mistake, or a programme extended): writing works again. */
export async function groupUnarchiver(props: GroupUnarchiverProps): Promise<GroupDocument> {
  const before = props.group.archivedAt;
  const updated = await Group.findOneAndUpdate(
    { _id: props.group._id, archivedAt: notEqual(null) },
    { $set: { archivedAt: null, archivedById: null } },
    { returnDocument: "after" },
  ).lean();
  if (!updated || !before) throw (await Group.exists({ _id: props.group._id })) ? notArchived() : notFound();
  await recordEvent({
    name: "groups.unarchive",
    actorId: props.actorId,
    subjectType: "Group",
    subjectId: updated._id,
    groupId: updated._id,
    data: { slug: updated.slug, before: { archivedAt: before.toISOString() } },
    context: props.context,
  });
  return updated as GroupDocument;
}
