import type mongoose from "mongoose";
import { notFound } from "../errors/AppError.js";
import { Group, type GroupDocument } from "../models/Group.js";
import { recordEvent } from "./recordEvent.js";
import { changedFields } from "../domain/programmeFacts.js";
import type { RequestContext } from "../requestContext.js";

export interface GroupUpdaterProps {
  group: GroupDocument;
  changes: {
    name?: string;
    description?: string;
    cohort?: { id: mongoose.Types.ObjectId; name: string };
    /** With their TERYT codes, for the event. */
    jsts?: { ids: mongoose.Types.ObjectId[]; teryts: string[] };
  };
  /** The group's JSTs' TERYT codes before the change (for the event). */
  jstTerytsBefore: string[];
  actorId: mongoose.Types.ObjectId | null;
  context?: RequestContext;
}

/** Renames a group, describes it, moves it to another cohort or changes its JSTs; the address stays. */
export async function groupUpdater(props: GroupUpdaterProps): Promise<GroupDocument> {
  const { changes, group } = props;
  const set: Record<string, unknown> = {};
  if (changes.name !== undefined) set.name = changes.name;
  if (changes.description !== undefined) set.description = changes.description;
  if (changes.cohort) Object.assign(set, { cohortId: changes.cohort.id, cohort: changes.cohort.name });
  if (changes.jsts) set.jstIds = changes.jsts.ids;
  const updated = await Group.findOneAndUpdate({ _id: group._id }, { $set: set }, { returnDocument: "after" }).lean();
  if (!updated) throw notFound();
  const change = changedFields(
    { name: group.name, description: group.description ?? "", cohort: group.cohort, jsts: props.jstTerytsBefore },
    {
      name: updated.name,
      description: updated.description ?? "",
      cohort: updated.cohort,
      jsts: changes.jsts?.teryts ?? props.jstTerytsBefore,
    },
  );
  const cohortMoved = changes.cohort !== undefined && String(group.cohortId) !== String(changes.cohort.id);
  if (Object.keys(change.after).length > 0 || cohortMoved)
    await recordEvent({
      name: "groups.update",
      actorId: props.actorId,
      subjectType: "Group",
      subjectId: group._id,
      groupId: group._id,
      data: change,
      context: props.context,
    });
  return updated as GroupDocument;
}
