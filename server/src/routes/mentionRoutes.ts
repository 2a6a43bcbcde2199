import { Router } from "express";
import { endpoints } from "@forum/shared";
import { notFound } from "../errors/AppError.js";
import { route } from "../http/declareRoute.js";
import { Category } from "../models/Category.js";
import { Thread } from "../models/Thread.js";
import { authorize } from "../policies/index.js";
import { mentionableUsers } from "../queries/threadReaders.js";

/** Who may be mentioned in a thread or a new thread of a category: the composers' "@" suggestions. */
export function mentionRoutes(): Router {
  const router = Router();

  route(router, endpoints.threads.mentionable, async ({ actor, params, query }) => {
    const target = await Thread.findById(params.id, { groupId: 1 }).lean();
    if (!target) throw notFound();
    authorize(actor, "read", "Thread", target);
    const { q } = query();
    return { users: await mentionableUsers({ groupId: target.groupId ?? null }, q) };
  });

  /** Starting a thread: the people who will be able to read it are the category's readers. */
  route(router, endpoints.threads.categoryMentionable, async ({ actor, params, query }) => {
    const target = await Category.findById(params.id, { groupId: 1, kind: 1 }).lean();
    if (!target) throw notFound();
    authorize(actor, "read", "Category", target);
    const { q } = query();
    return { users: await mentionableUsers({ groupId: target.groupId ?? null }, q) };
  });

  return router;
}
