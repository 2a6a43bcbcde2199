import type mongoose from "mongoose";
import { Group, type GroupDocument } from "../models/Group.js";
import { recordEvent } from "./recordEvent.js";
import type { RequestContext } from "../requestContext.js";

export interface GroupCreatorProps {
  /** URL name, unique. */
  slug: string;
  name: string;
  /** Which stage or cohort of the project the group belongs to. */
  cohort: string;
  description: string;
  /** Member JSTs (6–8). */
  jstIds: mongoose.Types.ObjectId[];
  actorId: mongoose.Types.ObjectId | null;
  context?: RequestContext;
}

export async function groupCreator(props: GroupCreatorProps): Promise<GroupDocument> {
  const created = await Group.create({
    slug: props.slug,
    name: props.name,
    cohort: props.cohort,
    description: props.description,
    jstIds: props.jstIds,
  });
  const group = created.toObject() as GroupDocument;
  await recordEvent({
    name: "groups.create",
    actorId: props.actorId,
    subjectType: "Group",
    subjectId: group._id,
    groupId: group._id,
    data: { after: { slug: group.slug, name: group.name } },
    context: props.context,
  });
  return group;
}
