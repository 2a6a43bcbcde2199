import type mongoose from "mongoose";
import { Tag, type TagDocument } from "../models/Tag.js";
import type { TagGroupDocument } from "../models/TagGroup.js";
import { recordEvent } from "./recordEvent.js";
import type { RequestContext } from "../requestContext.js";

export interface TagUpdaterProps {
  tag: TagDocument;
  changes: { name?: string | undefined; description?: string | undefined; tagGroup?: TagGroupDocument | undefined };
  actorId: mongoose.Types.ObjectId;
  context?: RequestContext;
}

/** Renames, describes or moves a tag to another group (last there); the slug stays, so documents keep it. */
export async function tagUpdater(props: TagUpdaterProps): Promise<TagDocument> {
  const { name, description, tagGroup } = props.changes;
  const movesGroup = tagGroup !== undefined && !tagGroup._id.equals(props.tag.tagGroupId);
  const position = movesGroup
    ? ((await Tag.findOne({ tagGroupId: tagGroup._id }, { position: 1 }).sort({ position: -1 }).lean())?.position ??
        -1) + 1
    : undefined;
  const updated = await Tag.findOneAndUpdate(
    { _id: props.tag._id },
    {
      $set: {
        ...(name !== undefined ? { name } : {}),
        ...(description !== undefined ? { description } : {}),
        ...(movesGroup ? { tagGroupId: tagGroup._id, position } : {}),
      },
    },
    { returnDocument: "after" },
  ).lean();
  if (!updated) throw new Error("tag vanished while editing");
  await recordEvent({
    name: "tags.update",
    actorId: props.actorId,
    subjectType: "Tag",
    subjectId: updated._id,
    data: {
      slug: updated.slug,
      before: { name: props.tag.name, description: props.tag.description },
      after: {
        name: updated.name,
        description: updated.description,
        ...(movesGroup ? { tagGroup: tagGroup.slug } : {}),
      },
    },
    context: props.context,
  });
  return updated;
}
