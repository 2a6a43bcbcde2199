import type mongoose from "mongoose";
import { isDuplicateKeyError } from "../db/duplicateKey.js";
import { conflict } from "../errors/AppError.js";
import { Group, type GroupDocument } from "../models/Group.js";
import { categoryCreator } from "./categoryCreator.js";
import { recordEvent } from "./recordEvent.js";
import type { RequestContext } from "../requestContext.js";

export interface GroupCreatorProps {
  /** URL name, unique. */
  slug: string;
  name: string;
  /** The cohort's name, kept with the group for lists and exports. */
  cohort: string;
  /** The cohort (edition) the group belongs to. */
  cohortId: mongoose.Types.ObjectId | null;
  description: string;
  /** Member JSTs (6–8 in a GWD). */
  jstIds: mongoose.Types.ObjectId[];
  actorId: mongoose.Types.ObjectId | null;
  context?: RequestContext;
}

/** Every new group's space: a place to talk and the place live rooms are archived into (roomCloser.ts). */
export const NEW_GROUP_CATEGORIES = [
  {
    slug: "ogolne",
    name: "Ogólne",
    description: "Rozmowy grupy między dwudniowymi spotkaniami.",
    kind: "discussion",
  },
  { slug: "spotkania", name: "Spotkania", description: "Archiwa spotkań na żywo grupy.", kind: "discussion" },
] as const;

export const groupSlugTaken = () => conflict("Grupa o tym adresie już istnieje. Wybierz inny adres.");

/**
 * A new GWD group with its space, ready for members at once. The only way a group is made (the
 * demo seed and the programme screens alike), so its event and categories are never missing.
 */
export async function groupCreator(props: GroupCreatorProps): Promise<GroupDocument> {
  let group: GroupDocument;
  try {
    const created = await Group.create({
      slug: props.slug,
      name: props.name,
      cohort: props.cohort,
      cohortId: props.cohortId,
      description: props.description,
      jstIds: props.jstIds,
    });
    group = created.toObject() as GroupDocument;
  } catch (error) {
    if (isDuplicateKeyError(error)) throw groupSlugTaken();
    throw error;
  }
  await recordEvent({
    name: "groups.create",
    actorId: props.actorId,
    subjectType: "Group",
    subjectId: group._id,
    groupId: group._id,
    data: { after: { slug: group.slug, name: group.name } },
    context: props.context,
  });
  for (const [position, category] of NEW_GROUP_CATEGORIES.entries())
    await categoryCreator({
      groupId: group._id,
      ...category,
      position,
      actorId: props.actorId,
      context: props.context,
    });
  return group;
}
