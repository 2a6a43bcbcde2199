import type mongoose from "mongoose";
import { conflict, notFound } from "../errors/AppError.js";
import { Group, type GroupDocument } from "../models/Group.js";
import { recordEvent } from "./recordEvent.js";
import type { RequestContext } from "../requestContext.js";

export interface GroupArchiverProps {
  group: GroupDocument;
  actorId: mongoose.Types.ObjectId;
  context?: RequestContext;
}

export const alreadyArchived = () => conflict("Ta grupa jest już w archiwum.");

/**
 * The programme ended for the group: from now on it is read-only for everyone (the policies refuse
 * every write in it, over HTTP and sockets), readable by its members and staff, and still counted
 * in the network's figures and map.
 */
export async function groupArchiver(props: GroupArchiverProps): Promise<GroupDocument> {
  const now = new Date();
  const updated = await Group.findOneAndUpdate(
    { _id: props.group._id, archivedAt: null },
    { $set: { archivedAt: now, archivedById: props.actorId } },
    { returnDocument: "after" },
  ).lean();
  if (!updated) throw (await Group.exists({ _id: props.group._id })) ? alreadyArchived() : notFound();
  await recordEvent({
    name: "groups.archive",
    actorId: props.actorId,
    subjectType: "Group",
    subjectId: updated._id,
    groupId: updated._id,
    data: { slug: updated.slug, after: { archivedAt: now.toISOString() } },
    context: props.context,
  });
  return updated as GroupDocument;
}
