import { Router, type Request } from "express";
import {
  mergeThreadSchema,
  moveThreadSchema,
  splitPostsSchema,
  type RestructureResult,
  type RestructureTargets,
} from "@forum/shared";
import mongoose from "mongoose";
import { threadMerger } from "../commands/threadMerger.js";
import { threadMover } from "../commands/threadMover.js";
import { threadSplitter } from "../commands/threadSplitter.js";
import { conflict, notFound, unauthorized } from "../errors/AppError.js";
import { parseInput, parseObjectId } from "../http/validation.js";
import { Category, type CategoryDocument } from "../models/Category.js";
import { Group } from "../models/Group.js";
import { Thread, type ThreadDocument } from "../models/Thread.js";
import { authorize, can, type Actor } from "../policies/index.js";

/** The thread named in the path, if the actor may restructure it (404 unreadable, 403 not a moderator). */
async function restructurableThread(req: Request): Promise<ThreadDocument> {
  const thread = await Thread.findById(parseObjectId(req.params.id)).lean();
  if (!thread) throw req.actor ? notFound() : unauthorized();
  authorize(req.actor, "restructure", "Thread", thread);
  if (thread.mergedIntoId) throw conflict("Ten wątek został już scalony z innym.");
  return thread;
}

/** A category the actor may put threads into. */
async function managedCategory(actor: Actor | null, id: string): Promise<CategoryDocument> {
  const category = await Category.findById(parseObjectId(id)).lean();
  if (!category) throw notFound("Nie znaleziono kategorii.");
  authorize(actor, "manage", "Category", category);
  return category;
}

/** Another thread the actor may restructure, in a category they manage. */
async function targetThread(actor: Actor | null, id: string): Promise<ThreadDocument> {
  const thread = await Thread.findById(parseObjectId(id)).lean();
  if (!thread) throw notFound("Nie znaleziono wątku docelowego.");
  authorize(actor, "restructure", "Thread", thread);
  await managedCategory(actor, thread.categoryId.toString());
  return thread;
}

export function threadRestructureRoutes(): Router {
  const router = Router();

  /** Every category a moderator may move threads into, by space (network-wide first). */
  router.get("/restructure/categories", async (req, res) => {
    if (!req.actor) throw unauthorized();
    if (!can(req.actor, "manage", "Category", { groupId: null, kind: "discussion" })) throw notFound();
    const [groups, categories] = await Promise.all([
      Group.find({}, { slug: 1, name: 1 }).sort({ name: 1 }).lean(),
      Category.find({}, { groupId: 1, name: 1, kind: 1, position: 1 }).sort({ position: 1 }).lean(),
    ]);
    const managed = categories.filter((category) => can(req.actor, "manage", "Category", category));
    const inSpace = (groupId: string | null) =>
      managed
        .filter((category) => (category.groupId?.toString() ?? null) === groupId)
        .map((category) => ({ id: category._id.toString(), name: category.name }));
    const body: RestructureTargets = {
      spaces: [
        { group: null, categories: inSpace(null) },
        ...groups.map((group) => ({
          group: { id: group._id.toString(), slug: group.slug, name: group.name },
          categories: inSpace(group._id.toString()),
        })),
      ].filter((space) => space.categories.length > 0),
    };
    res.json(body);
  });

  router.post("/threads/:id/move", async (req, res) => {
    const thread = await restructurableThread(req);
    const input = parseInput(moveThreadSchema, req.body);
    const category = await managedCategory(req.actor, input.categoryId);
    await threadMover({ thread, category, actorId: req.user!._id, context: req.context });
    const body: RestructureResult = { threadId: thread._id.toString() };
    res.json(body);
  });

  router.post("/threads/:id/merge", async (req, res) => {
    const source = await restructurableThread(req);
    await managedCategory(req.actor, source.categoryId.toString());
    const input = parseInput(mergeThreadSchema, req.body);
    const target = await targetThread(req.actor, input.targetThread);
    await threadMerger({ source, target, actorId: req.user!._id, context: req.context });
    const body: RestructureResult = { threadId: target._id.toString() };
    res.json(body);
  });

  router.post("/threads/:id/split", async (req, res) => {
    const source = await restructurableThread(req);
    await managedCategory(req.actor, source.categoryId.toString());
    const input = parseInput(splitPostsSchema, req.body);
    const target =
      input.target.kind === "new"
        ? {
            kind: "new" as const,
            title: input.target.title,
            category: await managedCategory(req.actor, input.target.categoryId),
          }
        : { kind: "existing" as const, thread: await targetThread(req.actor, input.target.thread) };
    const postIds = input.postIds.map((id) => new mongoose.Types.ObjectId(id));
    const { threadId } = await threadSplitter({
      source,
      postIds,
      target,
      actorId: req.user!._id,
      context: req.context,
    });
    const body: RestructureResult = { threadId: threadId.toString(), movedPostIds: input.postIds };
    res.status(target.kind === "new" ? 201 : 200).json(body);
  });

  return router;
}
