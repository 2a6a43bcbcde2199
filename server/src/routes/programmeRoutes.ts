import { Router } from "express";
import mongoose from "mongoose";
import { endpoints } from "@forum/shared";
import { cohortCreator } from "../commands/cohortCreator.js";
import { cohortUpdater } from "../commands/cohortUpdater.js";
import { groupArchiver } from "../commands/groupArchiver.js";
import { groupCreator } from "../commands/groupCreator.js";
import { groupUnarchiver } from "../commands/groupUnarchiver.js";
import { groupUpdater } from "../commands/groupUpdater.js";
import { badRequest, notFound } from "../errors/AppError.js";
import { route } from "../http/declareRoute.js";
import { Cohort, type CohortDocument } from "../models/Cohort.js";
import { Group, type GroupDocument } from "../models/Group.js";
import type { JstDocument } from "../models/Jst.js";
import { authorize, type Actor } from "../policies/index.js";
import { presentCohort, presentProgrammeGroup } from "../presenters/programmePresenter.js";
import { jstsByIds, jstWithTeryt } from "../queries/jstCatalogue.js";

/** More cohorts and groups than the programme ever has (a handful of editions, 100 groups); bounds, not pages. */
const COHORTS_MAX = 200;
const GROUPS_MAX = 1_000;

/** The group named in the path, for those who may `action` it (others: 404, or 403 when they read it). */
export async function groupFor(actor: Actor, slug: string, action: string): Promise<GroupDocument> {
  const group = await Group.findOne({ slug }).lean();
  if (!group) throw notFound();
  authorize(actor, action, "Group", group);
  return group as GroupDocument;
}

async function cohortNamed(id: string): Promise<CohortDocument> {
  const cohort = mongoose.isValidObjectId(id) ? await Cohort.findById(id).lean() : null;
  if (!cohort) throw badRequest("Wybierz edycję programu.", { cohortId: "Wybierz edycję programu." });
  return cohort;
}

/** The units behind TERYT codes; a code not in the register is answered with the field's message. */
async function unitsOf(teryts: string[]): Promise<JstDocument[]> {
  const units = await Promise.all(teryts.map((teryt) => jstWithTeryt(teryt)));
  const missing = teryts.filter((_teryt, index) => !units[index]);
  if (missing.length > 0) {
    const message = `Nie ma w rejestrze TERYT jednostki o kodzie ${missing.join(", ")}.`;
    throw badRequest(message, { jsts: message });
  }
  return units as JstDocument[];
}

async function groupView(group: GroupDocument) {
  return presentProgrammeGroup(group, await jstsByIds(group.jstIds));
}

export function programmeRoutes(): Router {
  const router = Router();

  route(router, endpoints.programme.cohorts, async ({ actor }) => {
    authorize(actor, "manage", "Programme", null);
    const [cohorts, groups] = await Promise.all([
      Cohort.find({}).sort({ startsOn: -1 }).limit(COHORTS_MAX).lean(),
      Group.find({}).sort({ name: 1 }).limit(GROUPS_MAX).lean(),
    ]);
    const jsts = await jstsByIds(groups.flatMap((group) => group.jstIds));
    const perCohort = (cohort: CohortDocument) =>
      groups.filter((group) => String(group.cohortId) === cohort._id.toString()).length;
    return {
      cohorts: cohorts.map((cohort) => presentCohort(cohort, perCohort(cohort))),
      groups: groups.map((group) => presentProgrammeGroup(group as GroupDocument, jsts)),
    };
  });

  route(router, endpoints.programme.createCohort, async ({ actor, user, body, context }) => {
    authorize(actor, "manage", "Programme", null);
    const cohort = await cohortCreator({ input: body(), actorId: user._id, context });
    return { cohort: presentCohort(cohort, 0) };
  });

  route(router, endpoints.programme.updateCohort, async ({ actor, user, params, body, context }) => {
    authorize(actor, "manage", "Programme", null);
    if (!(await Cohort.exists({ _id: params.id }))) throw notFound();
    const cohort = await cohortUpdater({ cohortId: params.id, input: body(), actorId: user._id, context });
    return { cohort: presentCohort(cohort, await Group.countDocuments({ cohortId: cohort._id })) };
  });

  route(router, endpoints.programme.createGroup, async ({ actor, user, body, context }) => {
    authorize(actor, "createGroup", "Programme", null);
    const input = body();
    const [cohort, units] = await Promise.all([cohortNamed(input.cohortId), unitsOf(input.jsts)]);
    const group = await groupCreator({
      slug: input.slug,
      name: input.name,
      description: input.description,
      cohort: cohort.name,
      cohortId: cohort._id,
      jstIds: units.map((unit) => unit._id),
      actorId: user._id,
      context,
    });
    return { group: await groupView(group) };
  });

  route(router, endpoints.programme.updateGroup, async ({ actor, user, params, body, context }) => {
    const group = await groupFor(actor, params.slug, "edit");
    const input = body();
    const [cohort, units, before] = await Promise.all([
      input.cohortId ? cohortNamed(input.cohortId) : null,
      input.jsts ? unitsOf(input.jsts) : null,
      jstsByIds(group.jstIds),
    ]);
    const updated = await groupUpdater({
      group,
      changes: {
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.description !== undefined ? { description: input.description } : {}),
        ...(cohort ? { cohort: { id: cohort._id, name: cohort.name } } : {}),
        ...(units ? { jsts: { ids: units.map((unit) => unit._id), teryts: units.map((unit) => unit.teryt) } } : {}),
      },
      jstTerytsBefore: group.jstIds.flatMap((id) => before.get(id.toString())?.teryt ?? []),
      actorId: user._id,
      context,
    });
    return { group: await groupView(updated) };
  });

  route(router, endpoints.programme.archiveGroup, async ({ actor, user, params, context }) => {
    const group = await groupFor(actor, params.slug, "archive");
    return { group: await groupView(await groupArchiver({ group, actorId: user._id, context })) };
  });

  route(router, endpoints.programme.unarchiveGroup, async ({ actor, user, params, context }) => {
    const group = await groupFor(actor, params.slug, "archive");
    return { group: await groupView(await groupUnarchiver({ group, actorId: user._id, context })) };
  });

  return router;
}
