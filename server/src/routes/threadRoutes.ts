import { Router } from "express";
import { createPostSchema, type ThreadDetail } from "@forum/shared";
import { postCreator } from "../commands/postCreator.js";
import { notFound, unauthorized } from "../errors/AppError.js";
import { parseInput, parseObjectId } from "../http/validation.js";
import { Category } from "../models/Category.js";
import { Group } from "../models/Group.js";
import { Post } from "../models/Post.js";
import { Thread } from "../models/Thread.js";
import { authorize } from "../policies/index.js";
import { presentPost } from "../presenters/postPresenter.js";
import { loadAuthors } from "../services/authorDirectory.js";
import { loadMyReactions } from "../services/reactionDirectory.js";
import { loadTags, tagsOf } from "../services/tagDirectory.js";

const POSTS_PER_PAGE = 100;

export function threadRoutes(): Router {
  const router = Router();

  router.get("/threads/:id", async (req, res) => {
    const thread = await Thread.findById(parseObjectId(req.params.id)).lean();
    if (!thread) throw req.actor ? notFound() : unauthorized();
    authorize(req.actor, "read", "Thread", thread);
    const [category, group, posts, tags] = await Promise.all([
      Category.findById(thread.categoryId, { name: 1 }).lean(),
      thread.groupId ? Group.findById(thread.groupId, { slug: 1, name: 1 }).lean() : null,
      Post.find({ threadId: thread._id }).sort({ number: 1 }).limit(POSTS_PER_PAGE).lean(),
      loadTags(thread.tags),
    ]);
    const [authors, myReactions] = await Promise.all([
      loadAuthors(posts.map((post) => post.authorId)),
      loadMyReactions(
        req.user?._id,
        posts.map((post) => post._id),
      ),
    ]);
    const viewer = { actor: req.actor, myReactions };
    const detail: ThreadDetail = {
      thread: {
        id: thread._id.toString(),
        title: thread.title,
        tags: tagsOf(thread.tags, tags),
        category: { id: thread.categoryId.toString(), name: category?.name ?? "" },
        group: group ? { slug: group.slug, name: group.name } : { slug: "", name: "Sieć liderów" },
      },
      posts: posts.map((post) => presentPost(post, thread, authors, viewer)),
    };
    res.json(detail);
  });

  router.post("/threads/:id/posts", async (req, res) => {
    if (!req.actor || !req.user) throw unauthorized();
    const thread = await Thread.findById(parseObjectId(req.params.id)).lean();
    if (!thread) throw notFound();
    authorize(req.actor, "reply", "Thread", thread);
    const input = parseInput(createPostSchema, req.body);
    const { post, created } = await postCreator({
      thread,
      authorId: req.user._id,
      body: input.body,
      clientId: input.clientId,
      ip: req.ip ?? null,
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
