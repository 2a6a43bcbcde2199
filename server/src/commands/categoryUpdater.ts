import type mongoose from "mongoose";
import type { CategoryInput } from "@forum/shared";
import { Category, type CategoryDocument } from "../models/Category.js";
import { recordEvent } from "./recordEvent.js";
import type { RequestContext } from "../requestContext.js";

export interface CategoryUpdaterProps {
  category: CategoryDocument;
  changes: CategoryInput;
  actorId: mongoose.Types.ObjectId;
  context?: RequestContext;
}

/** Renames, describes or changes the kind of a category; the slug (its address) stays. */
export async function categoryUpdater(props: CategoryUpdaterProps): Promise<CategoryDocument> {
  const before = { name: props.category.name, description: props.category.description, kind: props.category.kind };
  const updated = await Category.findOneAndUpdate(
    { _id: props.category._id },
    { $set: { name: props.changes.name, description: props.changes.description, kind: props.changes.kind } },
    { returnDocument: "after" },
  ).lean();
  if (!updated) throw new Error("category vanished while editing");
  await recordEvent({
    name: "categories.update",
    actorId: props.actorId,
    subjectType: "Category",
    subjectId: updated._id,
    groupId: updated.groupId,
    data: { before, after: props.changes },
    context: props.context,
  });
  return updated;
}
