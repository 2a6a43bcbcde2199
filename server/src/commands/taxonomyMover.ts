import type mongoose from "mongoose";
import { Tag, type TagDocument } from "../models/Tag.js";
import { TagGroup, type TagGroupDocument } from "../models/TagGroup.js";
import { recordEvent } from "./recordEvent.js";
import type { RequestContext } from "../requestContext.js";
import { bulkUpdate } from "../db/bulkUpdate.js";

type Moved = { kind: "tagGroup"; item: TagGroupDocument } | { kind: "tag"; item: TagDocument };

/** Swaps two neighbours of an ordered list by renumbering it (repairs duplicate positions on the way). */
function reordered(ids: string[], id: string, direction: "up" | "down"): string[] | null {
  const from = ids.indexOf(id);
  const to = direction === "up" ? from - 1 : from + 1;
  if (from < 0 || to < 0 || to >= ids.length) return null;
  const order = [...ids];
  [order[from], order[to]] = [order[to]!, order[from]!];
  return order;
}

/**
 * Moves a tag group among the groups, or a tag within its group, one place up or down.
 * Returns false when it is already first (up) or last (down).
 */
export async function taxonomyMover(
  props: Moved & { direction: "up" | "down"; actorId: mongoose.Types.ObjectId; context?: RequestContext },
): Promise<boolean> {
  const siblings =
    props.kind === "tagGroup"
      ? await TagGroup.find({}, { _id: 1 }).sort({ position: 1, _id: 1 }).lean()
      : await Tag.find({ tagGroupId: props.item.tagGroupId }, { _id: 1 }).sort({ position: 1, _id: 1 }).lean();
  const order = reordered(
    siblings.map((sibling) => sibling._id.toString()),
    props.item._id.toString(),
    props.direction,
  );
  if (!order) return false;
  const writes = order.map((id, position) => ({ updateOne: { filter: { _id: id }, update: { $set: { position } } } }));
  if (props.kind === "tagGroup") await bulkUpdate(TagGroup, writes);
  else await bulkUpdate(Tag, writes);
  await recordEvent({
    name: props.kind === "tagGroup" ? "tags.updateGroup" : "tags.update",
    actorId: props.actorId,
    subjectType: props.kind === "tagGroup" ? "TagGroup" : "Tag",
    subjectId: props.item._id,
    data: { slug: props.item.slug, direction: props.direction, after: { order } },
    context: props.context,
  });
  return true;
}
