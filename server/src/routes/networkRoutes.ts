import { Router } from "express";
import type { NetworkOverview } from "@forum/shared";
import { Group } from "../models/Group.js";
import { Membership } from "../models/Membership.js";
import { presentCategory, presentGroup } from "../presenters/groupPresenter.js";
import { unauthorized } from "../errors/AppError.js";
import { Category } from "../models/Category.js";
import { can } from "../policies/index.js";
import { jstsByIds } from "../services/jstCatalogue.js";

/** The public face of the network: which groups and JSTs take part. No group content. */
export function networkRoutes(): Router {
  const router = Router();
  router.get("/network", async (_req, res) => {
    const groups = await Group.find().sort({ name: 1 }).lean();
    const jsts = await jstsByIds(groups.flatMap((group) => group.jstIds));
    const memberIds = await Membership.distinct("userId");
    const overview: NetworkOverview = {
      stats: {
        jsts: jsts.size,
        groups: groups.length,
        members: memberIds.length,
        voivodeships: new Set([...jsts.values()].map((jst) => jst.voivodeshipCode)).size,
      },
      groups: groups.map((group) => presentGroup(group, jsts)),
    };
    res.json(overview);
  });
  router.get("/network/categories", async (req, res) => {
    if (!req.actor) throw unauthorized();
    const categories = await Category.find({ groupId: null }).sort({ position: 1 }).lean();
    const readable = categories.filter((category) => can(req.actor, "read", "Category", category));
    res.json({ categories: readable.map(presentCategory) });
  });
  return router;
}
