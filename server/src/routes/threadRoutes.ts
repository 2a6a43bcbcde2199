import { Router } from "express";
import type mongoose from "mongoose";
import { endpoints, POSTS_PAGE_DEFAULT, type PostsPage, type ThreadDetail } from "@forum/shared";
import { notificationsMarker } from "../commands/notificationsMarker.js";
import { pendingPostCreator } from "../commands/pendingPostCreator.js";
import { postCreator } from "../commands/postCreator.js";
import type { Config } from "../config.js";
import { readPositionMarker } from "../commands/readPositionMarker.js";
import { conflict, notFound } from "../errors/AppError.js";
import { route, withStatus } from "../http/declareRoute.js";
import { Category } from "../models/Category.js";
import { Group } from "../models/Group.js";
import { Thread, type ThreadDocument } from "../models/Thread.js";
import { authorize, can, type Actor } from "../policies/index.js";
import { Post } from "../models/Post.js";
import { assertAcceptsReply, lockedFor, presentThreadState } from "../domain/threadState.js";
import { peopleOfPost, presentPost } from "../presenters/postPresenter.js";
import { needsApproval } from "../queries/approvalGate.js";
import { presentPendingPost } from "../presenters/pendingPostPresenter.js";
import { loadAuthors } from "../queries/authorDirectory.js";
import { loadMyReactions } from "../queries/reactionDirectory.js";
import { loadTags, tagsOf } from "../queries/tagDirectory.js";
import { loadOpeningPage, loadPostsPage, type PostsPageDocuments } from "../queries/threadPages.js";
import { loadReadNumbers } from "../queries/unreadCounts.js";
import { mergedThreadRedirect } from "../queries/mergedThreads.js";

/** The thread named in the path, if the actor may read it (404 otherwise). */
async function readableThread(actor: Actor, id: mongoose.Types.ObjectId): Promise<ThreadDocument> {
  const thread = await Thread.findById(id).lean();
  if (!thread) throw notFound();
  authorize(actor, "read", "Thread", thread);
  return thread;
}

interface Viewer {
  actor: Actor;
  userId: mongoose.Types.ObjectId;
}

/** A page of posts as this viewer sees them (their abilities and reactions included). */
async function presentPage(viewer: Viewer, thread: ThreadDocument, page: PostsPageDocuments): Promise<PostsPage> {
  const [authors, myReactions] = await Promise.all([
    loadAuthors(page.posts.flatMap(peopleOfPost)),
    loadMyReactions(
      viewer.userId,
      page.posts.map((post) => post._id),
    ),
  ]);
  return {
    posts: page.posts.map((post) => presentPost(post, thread, authors, { actor: viewer.actor, myReactions })),
    hasBefore: page.hasBefore,
    hasAfter: page.hasAfter,
    anchor: page.anchor,
  };
}

export function threadRoutes(config: Pick<Config, "NEW_MEMBER_APPROVAL_POSTS">): Router {
  const router = Router();

  /** The thread's header and the page its reader starts at (the first unread post). */
  route(router, endpoints.threads.detail, async ({ actor, user, params, context }) => {
    const thread = await readableThread(actor, params.id);
    if (thread.mergedIntoId) return mergedThreadRedirect(actor, thread.mergedIntoId);
    // Opening the thread is reading what its notifications told of: the bell stops counting them.
    await notificationsMarker({ userId: user._id, threadId: thread._id, context });
    const readNumbers = await loadReadNumbers(user._id, [thread._id]);
    const lastReadNumber = readNumbers.get(thread._id.toString()) ?? 0;
    const [category, group, page, tags] = await Promise.all([
      Category.findById(thread.categoryId, { name: 1 }).lean(),
      thread.groupId ? Group.findById(thread.groupId, { slug: 1, name: 1, archivedAt: 1 }).lean() : null,
      loadOpeningPage(thread, lastReadNumber, POSTS_PAGE_DEFAULT),
      loadTags(thread.tags),
    ]);
    const detail: ThreadDetail = {
      thread: {
        id: thread._id.toString(),
        title: thread.title,
        tags: tagsOf(thread.tags, tags),
        category: { id: thread.categoryId.toString(), name: category?.name ?? "" },
        group: group
          ? { slug: group.slug, name: group.name, archived: Boolean(group.archivedAt) }
          : { slug: "", name: "Sieć liderów", archived: false },
        postCount: thread.postCount,
        lastPostNumber: thread.lastPostNumber,
        createdAt: thread.createdAt.toISOString(),
        lastPostAt: thread.lastPostAt.toISOString(),
        state: presentThreadState(thread),
        can: {
          reply: can(actor, "reply", "Thread", thread) && !lockedFor(actor, thread),
          moderate: can(actor, "lock", "Thread", thread),
        },
      },
      lastReadNumber,
      ...(await presentPage({ actor, userId: user._id }, thread, page)),
    };
    return detail;
  });

  /** Paging by post number, both ways: ?after= | before= | around= | at= | last=1, and limit=. */
  route(router, endpoints.threads.posts, async ({ actor, user, params, query }) => {
    const thread = await readableThread(actor, params.id);
    return presentPage({ actor, userId: user._id }, thread, await loadPostsPage(thread, query()));
  });

  /** The reader has seen posts up to `number` (never moves backwards). */
  route(router, endpoints.threads.markRead, async ({ actor, user, params, body }) => {
    const thread = await readableThread(actor, params.id);
    const input = body();
    const lastReadNumber = await readPositionMarker({ userId: user._id, thread, number: input.number });
    return { lastReadNumber };
  });

  route(router, endpoints.threads.reply, async ({ actor, user, params, body, context }) => {
    const thread = await Thread.findById(params.id).lean();
    if (!thread) throw notFound();
    authorize(actor, "reply", "Thread", thread);
    if (thread.mergedIntoId) throw conflict("Ten wątek został scalony z innym: odpowiedz tam.");
    const input = body();
    // A retried send of a stored post answers as before; only new posts meet the lock and slow mode.
    if (!(await Post.exists({ authorId: user._id, clientId: input.clientId }))) {
      await assertAcceptsReply(actor, thread, user._id);
    }
    if (await needsApproval(actor, config.NEW_MEMBER_APPROVAL_POSTS)) {
      const { pending } = await pendingPostCreator({ kind: "reply", thread, authorId: user._id, ...input, context });
      return withStatus(202, { pending: await presentPendingPost(pending) });
    }
    const { post, created } = await postCreator({
      thread,
      authorId: user._id,
      body: input.body,
      clientId: input.clientId,
      context,
    });
    const [authors, myReactions] = await Promise.all([
      loadAuthors([post.authorId]),
      loadMyReactions(user._id, [post._id]),
    ]);
    return withStatus(created ? 201 : 200, { post: presentPost(post, thread, authors, { actor, myReactions }) });
  });

  return router;
}
