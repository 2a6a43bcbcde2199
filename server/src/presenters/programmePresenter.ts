import type { CohortView, ProgrammeGroupView } from "@forum/shared";
import { cohortFacts } from "../domain/programmeFacts.js";
import type { CohortDocument } from "../models/Cohort.js";
import type { GroupDocument } from "../models/Group.js";
import type { JstDocument } from "../models/Jst.js";
import type { JstType } from "@forum/shared";

export const presentCohort = (cohort: CohortDocument, groupCount: number): CohortView => ({
  id: cohort._id.toString(),
  ...cohortFacts(cohort),
  groupCount,
});

export const presentProgrammeGroup = (
  group: GroupDocument,
  jstsById: Map<string, JstDocument>,
): ProgrammeGroupView => ({
  id: group._id.toString(),
  slug: group.slug,
  name: group.name,
  description: group.description ?? "",
  cohortId: group.cohortId ? group.cohortId.toString() : null,
  cohort: group.cohort,
  jsts: group.jstIds.flatMap((id) => {
    const jst = jstsById.get(id.toString());
    return jst ? [{ teryt: jst.teryt, name: jst.name, type: jst.type as JstType }] : [];
  }),
  memberCount: group.memberCount ?? 0,
  archivedAt: group.archivedAt ? group.archivedAt.toISOString() : null,
});
