import { Router } from "express";
import type { GroupDetail } from "@forum/shared";
import { notFound, unauthorized } from "../errors/AppError.js";
import { Category } from "../models/Category.js";
import { Group } from "../models/Group.js";
import { readsAllGroups } from "../policies/actor.js";
import { authorize } from "../policies/index.js";
import { presentCategory, presentGroup } from "../presenters/groupPresenter.js";
import { loadJsts } from "../services/jstDirectory.js";
import { anyOf } from "../db/anyOf.js";

export function groupRoutes(): Router {
  const router = Router();

  router.get("/groups", async (req, res) => {
    const actor = req.actor;
    if (!actor) throw unauthorized();
    const filter = readsAllGroups(actor) ? {} : { _id: anyOf([...actor.groups.keys()]) };
    const groups = await Group.find(filter).sort({ name: 1 }).lean();
    const jsts = await loadJsts(groups.flatMap((group) => group.jstIds));
    res.json({ groups: groups.map((group) => presentGroup(group, jsts)) });
  });

  router.get("/groups/:slug", async (req, res) => {
    const group = await Group.findOne({ slug: String(req.params.slug) }).lean();
    if (!group) throw req.actor ? notFound() : unauthorized();
    authorize(req.actor, "read", "Group", group);
    const [jsts, categories] = await Promise.all([
      loadJsts(group.jstIds),
      Category.find({ groupId: group._id }).sort({ position: 1 }).lean(),
    ]);
    const detail: GroupDetail = { group: presentGroup(group, jsts), categories: categories.map(presentCategory) };
    res.json(detail);
  });

  return router;
}
