import { DEFAULT_SESSION_COUNT } from "@forum/shared";
import { Cohort } from "../models/Cohort.js";
import { Group } from "../models/Group.js";
import { cohortCreator } from "../commands/cohortCreator.js";
import { groupUpdater } from "../commands/groupUpdater.js";
import { jstsByIds } from "../queries/jstCatalogue.js";

/** More groups than the programme ever has; a bound. */
const GROUPS_MAX = 1_000;

const day = (date: Date) => date.toISOString().slice(0, 10);

/**
 * Groups made before cohorts existed name their cohort only as text: at start each gets the cohort of
 * that name, made once (running, nine sessions, from the group's creation for two years). Idempotent:
 * a group that has its cohort is left alone, and a cohort of that name is found before one is made.
 */
export async function giveGroupsTheirCohorts(): Promise<number> {
  const groups = await Group.find({ cohortId: null }).limit(GROUPS_MAX).lean();
  for (const group of groups) {
    const name = group.cohort.trim().length >= 3 ? group.cohort.trim() : `Edycja ${group.cohort.trim()}`;
    const created = (group as { createdAt?: Date }).createdAt ?? new Date();
    const cohort =
      (await Cohort.findOne({ name }).lean()) ??
      (await cohortCreator({
        input: {
          name,
          description: "",
          startsOn: day(created),
          endsOn: day(new Date(created.getTime() + 2 * 365 * 86_400_000)),
          sessionCount: DEFAULT_SESSION_COUNT,
          status: "running",
        },
        actorId: null,
      }));
    const jsts = await jstsByIds(group.jstIds);
    const teryts = group.jstIds.flatMap((id) => jsts.get(id.toString())?.teryt ?? []);
    await groupUpdater({
      group,
      changes: { cohort: { id: cohort._id, name: cohort.name } },
      jstTerytsBefore: teryts,
      actorId: null,
    });
  }
  return groups.length;
}
