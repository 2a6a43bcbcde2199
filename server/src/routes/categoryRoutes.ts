import { Router } from "express";
import { createThreadSchema, type CategoryThreads } from "@forum/shared";
import { threadCreator } from "../commands/threadCreator.js";
import { notFound, unauthorized } from "../errors/AppError.js";
import { parseInput, parseObjectId } from "../http/validation.js";
import { Category } from "../models/Category.js";
import { Group } from "../models/Group.js";
import { Thread } from "../models/Thread.js";
import { authorize } from "../policies/index.js";
import { presentCategory } from "../presenters/groupPresenter.js";
import { presentPost, presentThreadSummary } from "../presenters/postPresenter.js";
import { loadAuthors } from "../services/authorDirectory.js";
import { loadReadNumbers, unreadIn } from "../services/unreadCounts.js";

const THREADS_PER_PAGE = 50;

export function categoryRoutes(): Router {
  const router = Router();

  router.get("/categories/:id/threads", async (req, res) => {
    const category = await Category.findById(parseObjectId(req.params.id)).lean();
    if (!category) throw req.actor ? notFound() : unauthorized();
    authorize(req.actor, "read", "Category", category);
    const group = category.groupId ? await Group.findById(category.groupId, { slug: 1, name: 1 }).lean() : null;
    const threads = await Thread.find({ categoryId: category._id })
      .sort({ lastPostAt: -1 })
      .limit(THREADS_PER_PAGE)
      .lean();
    const [authors, readNumbers] = await Promise.all([
      loadAuthors(threads.map((thread) => thread.authorId)),
      loadReadNumbers(
        req.user?._id,
        threads.map((thread) => thread._id),
      ),
    ]);
    // The unread posts of the threads listed here (the newest THREADS_PER_PAGE), which is what the page shows.
    const unread = threads.reduce(
      (sum, thread) => sum + unreadIn(thread.lastPostNumber, readNumbers.get(thread._id.toString())),
      0,
    );
    const body: CategoryThreads = {
      category: {
        ...presentCategory(category, unread),
        group: group ? { slug: group.slug, name: group.name } : { slug: "", name: "Sieć liderów" },
      },
      threads: threads.map((thread) =>
        presentThreadSummary(thread, authors, readNumbers.get(thread._id.toString()) ?? 0),
      ),
    };
    res.json(body);
  });

  router.post("/categories/:id/threads", async (req, res) => {
    if (!req.actor || !req.user) throw unauthorized();
    const category = await Category.findById(parseObjectId(req.params.id)).lean();
    if (!category) throw notFound();
    authorize(req.actor, "createThread", "Category", category);
    const input = parseInput(createThreadSchema, req.body);
    const { thread, firstPost, created } = await threadCreator({
      category,
      authorId: req.user._id,
      title: input.title,
      body: input.body,
      clientId: input.clientId,
      ip: req.ip ?? null,
    });
    const authors = await loadAuthors([firstPost.authorId]);
    const viewer = { actor: req.actor, myReactions: new Set<string>() };
    res.status(created ? 201 : 200).json({
      thread: { id: thread._id.toString() },
      post: presentPost(firstPost, thread, authors, viewer),
    });
  });

  return router;
}
