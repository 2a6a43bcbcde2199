import type mongoose from "mongoose";
import { isDuplicateKeyError } from "../db/duplicateKey.js";
import { Category, type CategoryDocument } from "../models/Category.js";
import { recordEvent } from "./recordEvent.js";
import type { RequestContext } from "../requestContext.js";

export interface CategoryCreatorProps {
  /** Owning group; null for a network-wide category. */
  groupId: mongoose.Types.ObjectId | null;
  /** Preferred slug; a number is appended when the group already has it. */
  slug: string;
  name: string;
  description: string;
  kind?: "discussion" | "announcements";
  /** Order within the group; by default after the last one. */
  position?: number;
  actorId: mongoose.Types.ObjectId | null;
  context?: RequestContext;
}

async function nextPosition(groupId: mongoose.Types.ObjectId | null): Promise<number> {
  const last = await Category.findOne({ groupId }, { position: 1 }).sort({ position: -1 }).lean();
  return last ? last.position + 1 : 0;
}

export async function categoryCreator(props: CategoryCreatorProps): Promise<CategoryDocument> {
  const position = props.position ?? (await nextPosition(props.groupId));
  let category: CategoryDocument | undefined;
  for (let attempt = 1; category === undefined; attempt += 1) {
    const slug = attempt === 1 ? props.slug : `${props.slug}-${attempt}`;
    try {
      const created = await Category.create({
        groupId: props.groupId,
        slug,
        name: props.name,
        description: props.description,
        kind: props.kind ?? "discussion",
        position,
      });
      category = created.toObject() as CategoryDocument;
    } catch (error) {
      if (!isDuplicateKeyError(error) || attempt >= 20) throw error;
    }
  }
  await recordEvent({
    name: "categories.create",
    actorId: props.actorId,
    subjectType: "Category",
    subjectId: category._id,
    groupId: category.groupId,
    data: {
      after: { slug: category.slug, name: category.name, description: category.description, kind: category.kind },
    },
    context: props.context,
  });
  return category;
}
