import { Router } from "express";
import type { GroupDetail, GroupList } from "@forum/shared";
import { notFound, unauthorized } from "../errors/AppError.js";
import { Category } from "../models/Category.js";
import { Group } from "../models/Group.js";
import { readsAllGroups } from "../policies/actor.js";
import { authorize } from "../policies/index.js";
import { presentCategory, presentGroup } from "../presenters/groupPresenter.js";
import { jstsByIds } from "../queries/jstCatalogue.js";
import { anyOf } from "../db/anyOf.js";
import { unreadByCategory, unreadByGroup } from "../queries/unreadCounts.js";

export function groupRoutes(): Router {
  const router = Router();

  router.get("/groups", async (req, res) => {
    const actor = req.actor;
    if (!actor) throw unauthorized();
    const filter = readsAllGroups(actor) ? {} : { _id: anyOf([...actor.groups.keys()]) };
    const groups = await Group.find(filter).sort({ name: 1 }).lean();
    const [jsts, unread] = await Promise.all([
      jstsByIds(groups.flatMap((group) => group.jstIds)),
      req.user
        ? unreadByGroup(
            req.user._id,
            groups.map((group) => group._id),
          )
        : { groups: {}, network: 0 },
    ]);
    const body: GroupList = { groups: groups.map((group) => presentGroup(group, jsts)), unread };
    res.json(body);
  });

  router.get("/groups/:slug", async (req, res) => {
    const group = await Group.findOne({ slug: String(req.params.slug) }).lean();
    if (!group) throw req.actor ? notFound() : unauthorized();
    authorize(req.actor, "read", "Group", group);
    const [jsts, categories, unread] = await Promise.all([
      jstsByIds(group.jstIds),
      Category.find({ groupId: group._id }).sort({ position: 1 }).lean(),
      req.user ? unreadByCategory(req.user._id, group._id) : new Map<string, number>(),
    ]);
    const detail: GroupDetail = {
      group: presentGroup(group, jsts),
      categories: categories.map((category) => presentCategory(category, unread.get(category._id.toString()) ?? 0)),
    };
    res.json(detail);
  });

  return router;
}
