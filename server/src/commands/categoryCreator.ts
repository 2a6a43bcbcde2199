import type mongoose from "mongoose";
import { Category, type CategoryDocument } from "../models/Category.js";
import { recordEvent } from "./recordEvent.js";

export interface CategoryCreatorProps {
  /** Owning group; null for a network-wide category. */
  groupId: mongoose.Types.ObjectId | null;
  slug: string;
  name: string;
  description: string;
  kind?: "discussion" | "announcements";
  /** Order within the group. */
  position: number;
  actorId: mongoose.Types.ObjectId | null;
  ip?: string | null;
}

export async function categoryCreator(props: CategoryCreatorProps): Promise<CategoryDocument> {
  const created = await Category.create({
    groupId: props.groupId,
    slug: props.slug,
    name: props.name,
    description: props.description,
    kind: props.kind ?? "discussion",
    position: props.position,
  });
  const category = created.toObject() as CategoryDocument;
  await recordEvent({
    name: "categories.create",
    actorId: props.actorId,
    subjectType: "Category",
    subjectId: category._id,
    groupId: category.groupId,
    data: { after: { slug: category.slug, name: category.name } },
    ip: props.ip ?? null,
  });
  return category;
}
