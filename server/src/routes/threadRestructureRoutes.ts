import { Router } from "express";
import { endpoints, type RestructureResult, type RestructureTargets } from "@forum/shared";
import mongoose from "mongoose";
import { threadMerger } from "../commands/threadMerger.js";
import { threadMover } from "../commands/threadMover.js";
import { threadSplitter } from "../commands/threadSplitter.js";
import { conflict, notFound } from "../errors/AppError.js";
import { route, withStatus } from "../http/declareRoute.js";
import { parseObjectId } from "../http/validation.js";
import { Category, type CategoryDocument } from "../models/Category.js";
import { Group } from "../models/Group.js";
import { Thread, type ThreadDocument } from "../models/Thread.js";
import { authorize, can, type Actor } from "../policies/index.js";

/** The thread named in the path, if the actor may restructure it (404 unreadable, 403 not a moderator). */
async function restructurableThread(actor: Actor, id: mongoose.Types.ObjectId): Promise<ThreadDocument> {
  const thread = await Thread.findById(id).lean();
  if (!thread) throw notFound();
  authorize(actor, "restructure", "Thread", thread);
  if (thread.mergedIntoId) throw conflict("Ten wątek został już scalony z innym.");
  return thread;
}

/** A category the actor may put threads into. */
async function managedCategory(actor: Actor, id: string): Promise<CategoryDocument> {
  const category = await Category.findById(parseObjectId(id)).lean();
  if (!category) throw notFound("Nie znaleziono kategorii.");
  authorize(actor, "manage", "Category", category);
  return category;
}

/** Another thread the actor may restructure, in a category they manage. */
async function targetThread(actor: Actor, id: string): Promise<ThreadDocument> {
  const thread = await Thread.findById(parseObjectId(id)).lean();
  if (!thread) throw notFound("Nie znaleziono wątku docelowego.");
  authorize(actor, "restructure", "Thread", thread);
  await managedCategory(actor, thread.categoryId.toString());
  return thread;
}

export function threadRestructureRoutes(): Router {
  const router = Router();

  /** Every category a moderator may move threads into, by space (network-wide first). */
  route(router, endpoints.threads.restructureTargets, async ({ actor }): Promise<RestructureTargets> => {
    if (!can(actor, "manage", "Category", { groupId: null, kind: "discussion" })) throw notFound();
    const [groups, categories] = await Promise.all([
      Group.find({}, { slug: 1, name: 1 }).sort({ name: 1 }).lean(),
      Category.find({}, { groupId: 1, name: 1, kind: 1, position: 1 }).sort({ position: 1 }).lean(),
    ]);
    const managed = categories.filter((category) => can(actor, "manage", "Category", category));
    const inSpace = (groupId: string | null) =>
      managed
        .filter((category) => (category.groupId?.toString() ?? null) === groupId)
        .map((category) => ({ id: category._id.toString(), name: category.name }));
    return {
      spaces: [
        { group: null, categories: inSpace(null) },
        ...groups.map((group) => ({
          group: { id: group._id.toString(), slug: group.slug, name: group.name },
          categories: inSpace(group._id.toString()),
        })),
      ].filter((space) => space.categories.length > 0),
    };
  });

  route(router, endpoints.threads.move, async ({ actor, user, params, body, context }): Promise<RestructureResult> => {
    const thread = await restructurableThread(actor, params.id);
    const input = body();
    const category = await managedCategory(actor, input.categoryId);
    await threadMover({ thread, category, actorId: user._id, context });
    return { threadId: thread._id.toString() };
  });

  route(router, endpoints.threads.merge, async ({ actor, user, params, body, context }): Promise<RestructureResult> => {
    const source = await restructurableThread(actor, params.id);
    await managedCategory(actor, source.categoryId.toString());
    const input = body();
    const target = await targetThread(actor, input.targetThread);
    await threadMerger({ source, target, actorId: user._id, context });
    return { threadId: target._id.toString() };
  });

  route(router, endpoints.threads.split, async ({ actor, user, params, body, context }) => {
    const source = await restructurableThread(actor, params.id);
    await managedCategory(actor, source.categoryId.toString());
    const input = body();
    const target =
      input.target.kind === "new"
        ? {
            kind: "new" as const,
            title: input.target.title,
            category: await managedCategory(actor, input.target.categoryId),
          }
        : { kind: "existing" as const, thread: await targetThread(actor, input.target.thread) };
    const postIds = input.postIds.map((id) => new mongoose.Types.ObjectId(id));
    const { threadId } = await threadSplitter({ source, postIds, target, actorId: user._id, context });
    const result: RestructureResult = { threadId: threadId.toString(), movedPostIds: input.postIds };
    return withStatus(target.kind === "new" ? 201 : 200, result);
  });

  return router;
}
