import type mongoose from "mongoose";
import { Category, type CategoryDocument } from "../models/Category.js";
import { recordEvent } from "./recordEvent.js";
import type { RequestContext } from "../requestContext.js";
import { bulkUpdate } from "../db/bulkUpdate.js";

export interface CategoryMoverProps {
  category: CategoryDocument;
  direction: "up" | "down";
  actorId: mongoose.Types.ObjectId;
  context?: RequestContext;
}

/**
 * Moves a category one place in its group's order by renumbering the whole (short) list, so
 * duplicate or missing positions left by older data are repaired on the way. Returns false
 * when it already is first (up) or last (down).
 */
export async function categoryMover(props: CategoryMoverProps): Promise<boolean> {
  const siblings = await Category.find({ groupId: props.category.groupId }, { _id: 1, position: 1 })
    .sort({ position: 1, _id: 1 })
    .lean();
  const order = siblings.map((sibling) => sibling._id.toString());
  const from = order.indexOf(props.category._id.toString());
  const to = props.direction === "up" ? from - 1 : from + 1;
  if (from < 0 || to < 0 || to >= order.length) return false;
  [order[from], order[to]] = [order[to]!, order[from]!];
  const before = siblings.map((sibling) => sibling._id.toString());
  await bulkUpdate(
    Category,
    order.map((id, position) => ({ updateOne: { filter: { _id: id }, update: { $set: { position } } } })),
  );
  await recordEvent({
    name: "categories.move",
    actorId: props.actorId,
    subjectType: "Category",
    subjectId: props.category._id,
    groupId: props.category.groupId,
    data: { direction: props.direction, before, after: order },
    context: props.context,
  });
  return true;
}
