import { Router } from "express";
import { mentionQuerySchema, type MentionCandidate } from "@forum/shared";
import { notFound, unauthorized } from "../errors/AppError.js";
import { parseInput, parseObjectId } from "../http/validation.js";
import { Category } from "../models/Category.js";
import { Thread } from "../models/Thread.js";
import { authorize } from "../policies/index.js";
import { mentionableUsers } from "../queries/threadReaders.js";

/** Who may be mentioned in a thread or a new thread of a category: the composers' "@" suggestions. */
export function mentionRoutes(): Router {
  const router = Router();

  router.get("/threads/:id/mentionable", async (req, res) => {
    if (!req.actor) throw unauthorized();
    const target = await Thread.findById(parseObjectId(req.params.id), { groupId: 1 }).lean();
    if (!target) throw notFound();
    authorize(req.actor, "read", "Thread", target);
    const { q } = parseInput(mentionQuerySchema, req.query);
    const body: { users: MentionCandidate[] } = {
      users: await mentionableUsers({ groupId: target.groupId ?? null }, q),
    };
    res.json(body);
  });

  /** Starting a thread: the people who will be able to read it are the category's readers. */
  router.get("/categories/:id/mentionable", async (req, res) => {
    if (!req.actor) throw unauthorized();
    const target = await Category.findById(parseObjectId(req.params.id), { groupId: 1, kind: 1 }).lean();
    if (!target) throw notFound();
    authorize(req.actor, "read", "Category", target);
    const { q } = parseInput(mentionQuerySchema, req.query);
    const body: { users: MentionCandidate[] } = {
      users: await mentionableUsers({ groupId: target.groupId ?? null }, q),
    };
    res.json(body);
  });

  return router;
}
