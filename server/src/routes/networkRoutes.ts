import { Router } from "express";
import { endpoints, type NetworkMap, type NetworkOverview } from "@forum/shared";
import type { Config } from "../config.js";
import { Group } from "../models/Group.js";
import { Membership } from "../models/Membership.js";
import { presentCategory, presentGroup } from "../presenters/groupPresenter.js";
import { route } from "../http/declareRoute.js";
import { Analysis } from "../models/Analysis.js";
import { Category } from "../models/Category.js";
import { Meeting } from "../models/Meeting.js";
import { Practice } from "../models/Practice.js";
import { can } from "../policies/index.js";
import { presentAnalysisSummaries, presentPracticeSummaries } from "../presenters/librarySummaryPresenter.js";
import { jstsByIds } from "../queries/jstCatalogue.js";
import { findLeaders } from "../queries/leaderDirectory.js";
import { networkJsts, publishedPracticesByVoivodeship } from "../queries/networkFootprint.js";
import { polandShapes } from "../domain/polandMapShapes.js";

/** Latest published practices and analyses shown on the network page. */
const LATEST_COUNT = 4;

/** The public face of the network (which groups and JSTs take part, totals, the map) and the leaders' directory. */
export function networkRoutes(config: Pick<Config, "VOIVODESHIPS_GEOJSON">): Router {
  const router = Router();
  route(router, endpoints.network.overview, async ({ actor }) => {
    // Visitors see only what a moderator made public; members see everything published.
    const visible = actor ? { status: "published" as const } : { status: "published" as const, isPublic: true };
    const [groups, jstsInNetwork, memberIds, practices, analyses, sessions, latestPractices, latestAnalyses] =
      await Promise.all([
        Group.find().sort({ name: 1 }).lean(),
        networkJsts(),
        Membership.distinct("userId"),
        Practice.countDocuments({ status: "published" }),
        Analysis.countDocuments({ status: "published" }),
        Meeting.countDocuments({ status: "closed" }),
        Practice.find(visible).sort({ publishedAt: -1 }).limit(LATEST_COUNT).lean(),
        Analysis.find(visible).sort({ publishedAt: -1 }).limit(LATEST_COUNT).lean(),
      ]);
    const groupJsts = await jstsByIds(groups.flatMap((group) => group.jstIds));
    const overview: NetworkOverview = {
      stats: {
        jsts: jstsInNetwork.size,
        groups: groups.length,
        members: memberIds.length,
        voivodeships: new Set([...jstsInNetwork.values()].map((jst) => jst.voivodeshipCode)).size,
        cohorts: new Set(groups.map((group) => group.cohort)).size,
        practices,
        analyses,
        sessions,
      },
      groups: groups.map((group) => presentGroup(group, groupJsts)),
      latestPractices: await presentPracticeSummaries(latestPractices),
      latestAnalyses: await presentAnalysisSummaries(latestAnalyses),
    };
    return overview;
  });
  route(router, endpoints.network.map, async () => {
    const [{ width, height, shapes }, jsts, practices] = await Promise.all([
      polandShapes(config.VOIVODESHIPS_GEOJSON),
      networkJsts(),
      publishedPracticesByVoivodeship(),
    ]);
    const jstsByVoivodeship = new Map<string, number>();
    for (const jst of jsts.values()) {
      jstsByVoivodeship.set(jst.voivodeshipCode, (jstsByVoivodeship.get(jst.voivodeshipCode) ?? 0) + 1);
    }
    const map: NetworkMap = {
      width,
      height,
      regions: shapes.map((shape) => ({
        ...shape,
        jsts: jstsByVoivodeship.get(shape.code) ?? 0,
        practices: practices.get(shape.code) ?? 0,
      })),
    };
    return map;
  });
  route(router, endpoints.network.categories, async ({ actor }) => {
    const categories = await Category.find({ groupId: null }).sort({ position: 1 }).lean();
    const readable = categories.filter((category) => can(actor, "read", "Category", category));
    return { categories: readable.map((category) => presentCategory(category)) };
  });
  route(router, endpoints.network.leaders, async ({ query }) => findLeaders(query()));
  return router;
}
