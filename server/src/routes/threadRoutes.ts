import { Router, type Request } from "express";
import {
  createPostSchema,
  POSTS_PAGE_DEFAULT,
  readPositionSchema,
  threadPostsQuerySchema,
  type PostsPage,
  type ThreadDetail,
} from "@forum/shared";
import { pendingPostCreator } from "../commands/pendingPostCreator.js";
import { postCreator } from "../commands/postCreator.js";
import type { Config } from "../config.js";
import { readPositionMarker } from "../commands/readPositionMarker.js";
import { conflict, notFound, unauthorized } from "../errors/AppError.js";
import { parseInput, parseObjectId } from "../http/validation.js";
import { Category } from "../models/Category.js";
import { Group } from "../models/Group.js";
import { Thread, type ThreadDocument } from "../models/Thread.js";
import { authorize, can } from "../policies/index.js";
import { Post } from "../models/Post.js";
import { assertAcceptsReply, lockedFor, presentThreadState } from "../domain/threadState.js";
import { peopleOfPost, presentPost } from "../presenters/postPresenter.js";
import { needsApproval } from "../queries/approvalGate.js";
import { presentPendingPosts } from "../presenters/pendingPostPresenter.js";
import { loadAuthors } from "../queries/authorDirectory.js";
import { loadMyReactions } from "../queries/reactionDirectory.js";
import { loadTags, tagsOf } from "../queries/tagDirectory.js";
import { loadOpeningPage, loadPostsPage, type PostsPageDocuments } from "../queries/threadPages.js";
import { loadReadNumbers } from "../queries/unreadCounts.js";
import { mergedThreadRedirect } from "../queries/mergedThreads.js";

/** The thread named in the path, if the actor may read it (404 otherwise, 401 for visitors). */
async function readableThread(req: Request): Promise<ThreadDocument> {
  const thread = await Thread.findById(parseObjectId(req.params.id)).lean();
  if (!thread) throw req.actor ? notFound() : unauthorized();
  authorize(req.actor, "read", "Thread", thread);
  return thread;
}

/** A page of posts as this viewer sees them (their abilities and reactions included). */
async function presentPage(req: Request, thread: ThreadDocument, page: PostsPageDocuments): Promise<PostsPage> {
  const [authors, myReactions] = await Promise.all([
    loadAuthors(page.posts.flatMap(peopleOfPost)),
    loadMyReactions(
      req.user?._id,
      page.posts.map((post) => post._id),
    ),
  ]);
  const viewer = { actor: req.actor, myReactions };
  return {
    posts: page.posts.map((post) => presentPost(post, thread, authors, viewer)),
    hasBefore: page.hasBefore,
    hasAfter: page.hasAfter,
    anchor: page.anchor,
  };
}

export function threadRoutes(config: Pick<Config, "NEW_MEMBER_APPROVAL_POSTS">): Router {
  const router = Router();

  /** The thread's header and the page its reader starts at (the first unread post). */
  router.get("/threads/:id", async (req, res) => {
    const thread = await readableThread(req);
    if (thread.mergedIntoId) return void res.json(await mergedThreadRedirect(req.actor, thread.mergedIntoId));
    const readNumbers = await loadReadNumbers(req.user?._id, [thread._id]);
    const lastReadNumber = readNumbers.get(thread._id.toString()) ?? 0;
    const [category, group, page, tags] = await Promise.all([
      Category.findById(thread.categoryId, { name: 1 }).lean(),
      thread.groupId ? Group.findById(thread.groupId, { slug: 1, name: 1 }).lean() : null,
      loadOpeningPage(thread, lastReadNumber, POSTS_PAGE_DEFAULT),
      loadTags(thread.tags),
    ]);
    const detail: ThreadDetail = {
      thread: {
        id: thread._id.toString(),
        title: thread.title,
        tags: tagsOf(thread.tags, tags),
        category: { id: thread.categoryId.toString(), name: category?.name ?? "" },
        group: group ? { slug: group.slug, name: group.name } : { slug: "", name: "Sieć liderów" },
        postCount: thread.postCount,
        lastPostNumber: thread.lastPostNumber,
        createdAt: thread.createdAt.toISOString(),
        lastPostAt: thread.lastPostAt.toISOString(),
        state: presentThreadState(thread),
        can: {
          reply: can(req.actor, "reply", "Thread", thread) && !(req.actor && lockedFor(req.actor, thread)),
          moderate: can(req.actor, "lock", "Thread", thread),
        },
      },
      lastReadNumber,
      ...(await presentPage(req, thread, page)),
    };
    res.json(detail);
  });

  /** Paging by post number, both ways: ?after= | before= | around= | at= | last=1, and limit=. */
  router.get("/threads/:id/posts", async (req, res) => {
    const thread = await readableThread(req);
    const query = parseInput(threadPostsQuerySchema, req.query);
    const page: PostsPage = await presentPage(req, thread, await loadPostsPage(thread, query));
    res.json(page);
  });

  /** The reader has seen posts up to `number` (never moves backwards). */
  router.put("/threads/:id/read", async (req, res) => {
    if (!req.actor || !req.user) throw unauthorized();
    const thread = await readableThread(req);
    const input = parseInput(readPositionSchema, req.body);
    const lastReadNumber = await readPositionMarker({ userId: req.user._id, thread, number: input.number });
    res.json({ lastReadNumber });
  });

  router.post("/threads/:id/posts", async (req, res) => {
    if (!req.actor || !req.user) throw unauthorized();
    const thread = await Thread.findById(parseObjectId(req.params.id)).lean();
    if (!thread) throw notFound();
    authorize(req.actor, "reply", "Thread", thread);
    if (thread.mergedIntoId) throw conflict("Ten wątek został scalony z innym: odpowiedz tam.");
    const input = parseInput(createPostSchema, req.body);
    // A retried send of a stored post answers as before; only new posts meet the lock and slow mode.
    if (!(await Post.exists({ authorId: req.user._id, clientId: input.clientId }))) {
      await assertAcceptsReply(req.actor, thread, req.user._id);
    }
    if (await needsApproval(req.actor, config.NEW_MEMBER_APPROVAL_POSTS)) {
      const { pending } = await pendingPostCreator({
        kind: "reply",
        thread,
        authorId: req.user._id,
        ...input,
        context: req.context,
      });
      res.status(202).json({ pending: (await presentPendingPosts([pending]))[0] });
      return;
    }
    const { post, created } = await postCreator({
      thread,
      authorId: req.user._id,
      body: input.body,
      clientId: input.clientId,
      context: req.context,
    });
    const [authors, myReactions] = await Promise.all([
      loadAuthors([post.authorId]),
      loadMyReactions(req.user._id, [post._id]),
    ]);
    res
      .status(created ? 201 : 200)
      .json({ post: presentPost(post, thread, authors, { actor: req.actor, myReactions }) });
  });

  return router;
}
