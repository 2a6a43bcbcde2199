import { Router } from "express";
import { endpoints, slugFromName, type CategoryThreads } from "@forum/shared";
import { categoryCreator } from "../commands/categoryCreator.js";
import { categoryMover } from "../commands/categoryMover.js";
import { categoryUpdater } from "../commands/categoryUpdater.js";
import { pendingPostCreator } from "../commands/pendingPostCreator.js";
import { threadCreator } from "../commands/threadCreator.js";
import type { Config } from "../config.js";
import { conflict, notFound } from "../errors/AppError.js";
import { route, withStatus } from "../http/declareRoute.js";
import { Category, type CategoryDocument } from "../models/Category.js";
import { Group } from "../models/Group.js";
import { Thread } from "../models/Thread.js";
import { authorize, can, type Actor } from "../policies/index.js";
import { presentCategory } from "../presenters/groupPresenter.js";
import { peopleOfPost, presentPost, presentThreadSummary } from "../presenters/postPresenter.js";
import { presentPendingPost } from "../presenters/pendingPostPresenter.js";
import { needsApproval } from "../queries/approvalGate.js";
import { loadAuthors } from "../queries/authorDirectory.js";
import { resolveTags } from "../commands/support/freeTags.js";
import { loadTags } from "../queries/tagDirectory.js";
import { loadReadNumbers, unreadIn } from "../queries/unreadCounts.js";
import { notEqual } from "../db/comparisons.js";
import { pinnedFirst } from "../queries/pinnedThreads.js";
import { activePin } from "../domain/threadState.js";

const THREADS_PER_PAGE = 50;

/** The category in the path, once the actor may manage it (404 when unreadable, 403 when only readable). */
async function managedCategory(actor: Actor, id: CategoryDocument["_id"]): Promise<CategoryDocument> {
  const category = await Category.findById(id).lean();
  if (!category) throw notFound();
  authorize(actor, "read", "Category", category);
  authorize(actor, "manage", "Category", category);
  return category;
}

export function categoryRoutes(config: Pick<Config, "NEW_MEMBER_APPROVAL_POSTS">): Router {
  const router = Router();

  route(router, endpoints.threads.categoryThreads, async ({ actor, user, params }): Promise<CategoryThreads> => {
    const category = await Category.findById(params.id).lean();
    if (!category) throw notFound();
    authorize(actor, "read", "Category", category);
    const group = category.groupId
      ? await Group.findById(category.groupId, { slug: 1, name: 1, allowFreeTags: 1, archivedAt: 1 }).lean()
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
        user._id,
        threads.map((thread) => thread._id),
      ),
    ]);
    // The unread posts of the threads listed here (the newest THREADS_PER_PAGE), which is what the page shows.
    const unread = threads.reduce(
      (sum, thread) => sum + unreadIn(thread.lastPostNumber, readNumbers.get(thread._id.toString())),
      0,
    );
    return {
      category: {
        ...presentCategory(category, unread),
        group: group
          ? { slug: group.slug, name: group.name, archived: Boolean(group.archivedAt) }
          : { slug: "", name: "Sieć liderów", archived: false },
      },
      threads: threads.map((thread) => ({
        ...presentThreadSummary(thread, authors, tags, readNumbers.get(thread._id.toString()) ?? 0),
        pin: activePin(thread),
      })),
      canStartThread: can(actor, "createThread", "Category", category),
      canUseFreeTags:
        group !== null &&
        can(actor, "useFreeTags", "Group", { groupId: group._id, allowFreeTags: group.allowFreeTags ?? false }),
    };
  });

  route(router, endpoints.threads.startThread, async ({ actor, user, params, body, context }) => {
    const category = await Category.findById(params.id).lean();
    if (!category) throw notFound();
    authorize(actor, "createThread", "Category", category);
    const parsed = body();
    const tags = await resolveTags({
      actor,
      actorId: user._id,
      groupId: category.groupId ?? null,
      tags: parsed.tags,
      context,
    });
    const input = { ...parsed, tags };
    if (await needsApproval(actor, config.NEW_MEMBER_APPROVAL_POSTS)) {
      const { pending } = await pendingPostCreator({ kind: "thread", category, authorId: user._id, ...input, context });
      return withStatus(202, { pending: await presentPendingPost(pending) });
    }
    const { thread, firstPost, created } = await threadCreator({
      category,
      authorId: user._id,
      title: input.title,
      tags: input.tags,
      body: input.body,
      clientId: input.clientId,
      context,
    });
    const authors = await loadAuthors(peopleOfPost(firstPost));
    const viewer = { actor, myReactions: new Set<string>() };
    return withStatus(created ? 201 : 200, {
      thread: { id: thread._id.toString() },
      post: presentPost(firstPost, thread, authors, viewer),
    });
  });

  route(router, endpoints.network.createGroupCategory, async ({ actor, user, params, body, context }) => {
    const group = await Group.findOne({ slug: params.slug }).lean();
    if (!group) throw notFound();
    authorize(actor, "read", "Group", group);
    authorize(actor, "manage", "Category", { groupId: group._id, kind: "discussion" });
    const input = body();
    const category = await categoryCreator({
      groupId: group._id,
      slug: slugFromName(input.name),
      ...input,
      actorId: user._id,
      context,
    });
    return { category: presentCategory(category) };
  });

  route(router, endpoints.network.createCategory, async ({ actor, user, body, context }) => {
    authorize(actor, "manage", "Category", { groupId: null, kind: "discussion" });
    const input = body();
    const category = await categoryCreator({
      groupId: null,
      slug: slugFromName(input.name),
      ...input,
      actorId: user._id,
      context,
    });
    return { category: presentCategory(category) };
  });

  route(router, endpoints.threads.updateCategory, async ({ actor, user, params, body, context }) => {
    const category = await managedCategory(actor, params.id);
    const changes = body();
    const updated = await categoryUpdater({ category, changes, actorId: user._id, context });
    return { category: presentCategory(updated) };
  });

  route(router, endpoints.threads.moveCategory, async ({ actor, user, params, body, context }) => {
    const category = await managedCategory(actor, params.id);
    const { direction } = body();
    const moved = await categoryMover({ category, direction, actorId: user._id, context });
    if (!moved)
      throw conflict(direction === "up" ? "Ta kategoria jest już pierwsza." : "Ta kategoria jest już ostatnia.");
    const categories = await Category.find({ groupId: category.groupId }).sort({ position: 1 }).lean();
    return { categories: categories.map((each) => presentCategory(each)) };
  });

  return router;
}
