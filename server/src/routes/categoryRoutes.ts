import { Router } from "express";
import {
  categoryInputSchema,
  categoryMoveSchema,
  createThreadSchema,
  slugFromName,
  type CategoryThreads,
} from "@forum/shared";
import { categoryCreator } from "../commands/categoryCreator.js";
import { categoryMover } from "../commands/categoryMover.js";
import { categoryUpdater } from "../commands/categoryUpdater.js";
import { pendingPostCreator } from "../commands/pendingPostCreator.js";
import { threadCreator } from "../commands/threadCreator.js";
import type { Config } from "../config.js";
import { conflict, notFound, unauthorized } from "../errors/AppError.js";
import { parseInput, parseObjectId } from "../http/validation.js";
import { Category } from "../models/Category.js";
import { Group } from "../models/Group.js";
import { Thread } from "../models/Thread.js";
import { authorize, can } from "../policies/index.js";
import { presentCategory } from "../presenters/groupPresenter.js";
import { peopleOfPost, presentPost, presentThreadSummary } from "../presenters/postPresenter.js";
import { presentPendingPosts } from "../presenters/pendingPostPresenter.js";
import { needsApproval } from "../queries/approvalGate.js";
import { loadAuthors } from "../queries/authorDirectory.js";
import { resolveTags } from "../commands/support/freeTags.js";
import { loadTags } from "../queries/tagDirectory.js";
import { loadReadNumbers, unreadIn } from "../queries/unreadCounts.js";
import { notEqual } from "../db/comparisons.js";
import { pinnedFirst } from "../queries/pinnedThreads.js";
import { activePin } from "../domain/threadState.js";

const THREADS_PER_PAGE = 50;

export function categoryRoutes(config: Pick<Config, "NEW_MEMBER_APPROVAL_POSTS">): Router {
  const router = Router();

  router.get("/categories/:id/threads", async (req, res) => {
    const category = await Category.findById(parseObjectId(req.params.id)).lean();
    if (!category) throw req.actor ? notFound() : unauthorized();
    authorize(req.actor, "read", "Category", category);
    const group = category.groupId
      ? await Group.findById(category.groupId, { slug: 1, name: 1, allowFreeTags: 1 }).lean()
      : null;
    const [pinnedCandidates, recent] = await Promise.all([
      Thread.find({ categoryId: category._id, pin: notEqual(null), mergedIntoId: null }).lean(),
      Thread.find({ categoryId: category._id, mergedIntoId: null })
        .sort({ lastPostAt: -1 })
        .limit(THREADS_PER_PAGE)
        .lean(),
    ]);
    const threads = pinnedFirst(pinnedCandidates, recent);
    const [authors, tags, readNumbers] = await Promise.all([
      loadAuthors(threads.map((thread) => thread.authorId)),
      loadTags(threads.flatMap((thread) => thread.tags)),
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
      threads: threads.map((thread) => ({
        ...presentThreadSummary(thread, authors, tags, readNumbers.get(thread._id.toString()) ?? 0),
        pin: activePin(thread),
      })),
      canStartThread: can(req.actor, "createThread", "Category", category),
      canUseFreeTags:
        group !== null &&
        can(req.actor, "useFreeTags", "Group", { groupId: group._id, allowFreeTags: group.allowFreeTags ?? false }),
    };
    res.json(body);
  });

  router.post("/categories/:id/threads", async (req, res) => {
    if (!req.actor || !req.user) throw unauthorized();
    const category = await Category.findById(parseObjectId(req.params.id)).lean();
    if (!category) throw notFound();
    authorize(req.actor, "createThread", "Category", category);
    const parsed = parseInput(createThreadSchema, req.body);
    const tags = await resolveTags({
      actor: req.actor,
      actorId: req.user._id,
      groupId: category.groupId ?? null,
      tags: parsed.tags,
      context: req.context,
    });
    const input = { ...parsed, tags };
    if (await needsApproval(req.actor, config.NEW_MEMBER_APPROVAL_POSTS)) {
      const { pending } = await pendingPostCreator({
        kind: "thread",
        category,
        authorId: req.user._id,
        ...input,
        context: req.context,
      });
      res.status(202).json({ pending: (await presentPendingPosts([pending]))[0] });
      return;
    }
    const { thread, firstPost, created } = await threadCreator({
      category,
      authorId: req.user._id,
      title: input.title,
      tags: input.tags,
      body: input.body,
      clientId: input.clientId,
      context: req.context,
    });
    const authors = await loadAuthors(peopleOfPost(firstPost));
    const viewer = { actor: req.actor, myReactions: new Set<string>() };
    res.status(created ? 201 : 200).json({
      thread: { id: thread._id.toString() },
      post: presentPost(firstPost, thread, authors, viewer),
    });
  });

  router.post("/groups/:slug/categories", async (req, res) => {
    if (!req.actor || !req.user) throw unauthorized();
    const group = await Group.findOne({ slug: String(req.params.slug) }).lean();
    if (!group) throw notFound();
    authorize(req.actor, "read", "Group", group);
    authorize(req.actor, "manage", "Category", { groupId: group._id, kind: "discussion" });
    const input = parseInput(categoryInputSchema, req.body);
    const category = await categoryCreator({
      groupId: group._id,
      slug: slugFromName(input.name),
      ...input,
      actorId: req.user._id,
      context: req.context,
    });
    res.status(201).json({ category: presentCategory(category) });
  });

  router.post("/network/categories", async (req, res) => {
    if (!req.actor || !req.user) throw unauthorized();
    authorize(req.actor, "manage", "Category", { groupId: null, kind: "discussion" });
    const input = parseInput(categoryInputSchema, req.body);
    const category = await categoryCreator({
      groupId: null,
      slug: slugFromName(input.name),
      ...input,
      actorId: req.user._id,
      context: req.context,
    });
    res.status(201).json({ category: presentCategory(category) });
  });

  router.patch("/categories/:id", async (req, res) => {
    if (!req.actor || !req.user) throw unauthorized();
    const category = await Category.findById(parseObjectId(req.params.id)).lean();
    if (!category) throw notFound();
    authorize(req.actor, "read", "Category", category);
    authorize(req.actor, "manage", "Category", category);
    const changes = parseInput(categoryInputSchema, req.body);
    const updated = await categoryUpdater({ category, changes, actorId: req.user._id, context: req.context });
    res.json({ category: presentCategory(updated) });
  });

  router.post("/categories/:id/move", async (req, res) => {
    if (!req.actor || !req.user) throw unauthorized();
    const category = await Category.findById(parseObjectId(req.params.id)).lean();
    if (!category) throw notFound();
    authorize(req.actor, "read", "Category", category);
    authorize(req.actor, "manage", "Category", category);
    const { direction } = parseInput(categoryMoveSchema, req.body);
    const moved = await categoryMover({ category, direction, actorId: req.user._id, context: req.context });
    if (!moved)
      throw conflict(direction === "up" ? "Ta kategoria jest już pierwsza." : "Ta kategoria jest już ostatnia.");
    const categories = await Category.find({ groupId: category.groupId }).sort({ position: 1 }).lean();
    res.json({ categories: categories.map(presentCategory) });
  });

  return router;
}
