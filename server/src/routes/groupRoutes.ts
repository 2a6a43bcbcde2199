import { Router } from "express";
import { endpoints, type GroupDetail, type GroupList } from "@forum/shared";
import { notFound } from "../errors/AppError.js";
import { route } from "../http/declareRoute.js";
import { Category } from "../models/Category.js";
import { Group } from "../models/Group.js";
import { authorize, can } from "../policies/index.js";
import { presentCategory, presentGroup } from "../presenters/groupPresenter.js";
import { jstsByIds } from "../queries/jstCatalogue.js";
import { anyOf } from "../db/anyOf.js";
import { unreadByCategory, unreadByGroup } from "../queries/unreadCounts.js";

export function groupRoutes(): Router {
  const router = Router();

  route(router, endpoints.network.groups, async ({ actor, user }): Promise<GroupList> => {
    const filter = can(actor, "readAll", "Group", null) ? {} : { _id: anyOf([...actor.groups.keys()]) };
    const groups = await Group.find(filter).sort({ name: 1 }).lean();
    const [jsts, unread] = await Promise.all([
      jstsByIds(groups.flatMap((group) => group.jstIds)),
      unreadByGroup(
        user._id,
        groups.map((group) => group._id),
      ),
    ]);
    return { groups: groups.map((group) => presentGroup(group, jsts)), unread };
  });

  route(router, endpoints.network.group, async ({ actor, user, params }): Promise<GroupDetail> => {
    const group = await Group.findOne({ slug: params.slug }).lean();
    if (!group) throw notFound();
    authorize(actor, "read", "Group", group);
    const [jsts, categories, unread] = await Promise.all([
      jstsByIds(group.jstIds),
      Category.find({ groupId: group._id }).sort({ position: 1 }).lean(),
      unreadByCategory(user._id, group._id),
    ]);
    return {
      group: presentGroup(group, jsts),
      categories: categories.map((category) => presentCategory(category, unread.get(category._id.toString()) ?? 0)),
      can: { seeRoster: can(actor, "seeRoster", "Group", group), manage: can(actor, "edit", "Group", group) },
    };
  });

  return router;
}
