import type mongoose from "mongoose";
import type { TagGroupInput } from "@forum/shared";
import { TagGroup, type TagGroupDocument } from "../models/TagGroup.js";
import { recordEvent } from "./recordEvent.js";
import type { RequestContext } from "../requestContext.js";

/** Renames or describes a tag group; its slug (address) stays. */
export async function tagGroupUpdater(props: {
  tagGroup: TagGroupDocument;
  changes: TagGroupInput;
  actorId: mongoose.Types.ObjectId;
  context?: RequestContext;
}): Promise<TagGroupDocument> {
  const before = { name: props.tagGroup.name, description: props.tagGroup.description };
  const updated = await TagGroup.findOneAndUpdate(
    { _id: props.tagGroup._id },
    { $set: { name: props.changes.name, description: props.changes.description } },
    { returnDocument: "after" },
  ).lean();
  if (!updated) throw new Error("tag group vanished while editing");
  await recordEvent({
    name: "tags.updateGroup",
    actorId: props.actorId,
    subjectType: "TagGroup",
    subjectId: updated._id,
    data: { slug: updated.slug, before, after: props.changes },
    context: props.context,
  });
  return updated;
}
