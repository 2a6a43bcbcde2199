import { Router, type Request } from "express";
import type mongoose from "mongoose";
import { editPostSchema, reactionKindSchema, type PostRevisionView } from "@forum/shared";
import { DELETED_POST_MESSAGE, postEditor } from "../commands/postEditor.js";
import { postDeleter } from "../commands/postDeleter.js";
import { reactionAdder } from "../commands/reactionAdder.js";
import { reactionRemover } from "../commands/reactionRemover.js";
import { conflict, forbidden, notFound, unauthorized } from "../errors/AppError.js";
import { parseInput, parseObjectId } from "../http/validation.js";
import { Post, type PostDocument } from "../models/Post.js";
import { PostRevision } from "../models/PostRevision.js";
import { Thread, type ThreadDocument } from "../models/Thread.js";
import { authorize } from "../policies/index.js";
import type { PostSubject } from "../policies/postPolicy.js";
import { peopleOfPost, presentPost, presentPostRevision } from "../presenters/postPresenter.js";
import { loadAuthors } from "../queries/authorDirectory.js";
import { loadMyReactions } from "../queries/reactionDirectory.js";

export interface LoadedPost {
  post: PostDocument;
  thread: ThreadDocument;
  subject: PostSubject;
}

/** The post named in the URL and its thread, if the actor may read them (404 otherwise, 401 for visitors). */
export async function loadReadablePost(req: Request): Promise<LoadedPost> {
  const post = await Post.findById(parseObjectId(req.params.id)).lean();
  const thread = post ? await Thread.findById(post.threadId).lean() : null;
  if (!post || !thread) throw req.actor ? notFound() : unauthorized();
  const subject: PostSubject = {
    authorId: post.authorId,
    groupId: thread.groupId ?? null,
    deletedAt: post.deletedAt,
    hiddenAt: post.hiddenAt,
  };
  authorize(req.actor, "read", "Post", subject);
  return { post, thread, subject };
}

/** The post as the acting person sees it now. */
export async function presentForActor(req: Request, post: PostDocument, thread: ThreadDocument) {
  const [authors, myReactions] = await Promise.all([
    loadAuthors(peopleOfPost(post)),
    loadMyReactions(req.user?._id, [post._id]),
  ]);
  return presentPost(post, thread, authors, { actor: req.actor, myReactions });
}

export function postRoutes(): Router {
  const router = Router();

  router.patch("/posts/:id", async (req, res) => {
    if (!req.actor || !req.user) throw unauthorized();
    const { post, thread, subject } = await loadReadablePost(req);
    authorize(req.actor, "edit", "Post", subject);
    const input = parseInput(editPostSchema, req.body);
    const updated = await postEditor({
      post,
      thread,
      editorId: req.user._id,
      body: input.body,
      context: req.context,
    });
    res.json({ post: await presentForActor(req, updated, thread) });
  });

  router.delete("/posts/:id", async (req, res) => {
    if (!req.actor || !req.user) throw unauthorized();
    const { post, thread, subject } = await loadReadablePost(req);
    authorize(req.actor, "delete", "Post", subject);
    await postDeleter({ post, thread, deleterId: req.user._id, context: req.context });
    res.status(204).end();
  });

  router.get("/posts/:id/revisions", async (req, res) => {
    const { post, subject } = await loadReadablePost(req);
    authorize(req.actor, "readRevisions", "Post", subject);
    const revisions = await PostRevision.find({ postId: post._id }).sort({ version: 1 }).lean();
    const authors = await loadAuthors([post.authorId, ...revisions.map((revision) => revision.editorId)]);
    // Never edited: the current text is the only version, so an editor always starts from the source.
    const body: { revisions: PostRevisionView[] } = {
      revisions:
        revisions.length > 0
          ? revisions.map((revision) => presentPostRevision(revision, authors, post.authorId.toString()))
          : [
              {
                version: 1,
                body: post.body,
                editedAt: post.createdAt.toISOString(),
                editor: { id: post.authorId.toString(), name: authors.get(post.authorId.toString())?.name ?? "" },
                byModerator: false,
              },
            ],
    };
    res.json(body);
  });

  /** Shared by giving and taking back a reaction: the same checks, in the same order. */
  async function loadReactablePost(req: Request): Promise<LoadedPost & { userId: mongoose.Types.ObjectId }> {
    if (!req.actor || !req.user) throw unauthorized();
    const loaded = await loadReadablePost(req);
    if (loaded.post.authorId.toString() === req.actor.id) throw forbidden("Nie można reagować na własny wpis.");
    authorize(req.actor, "react", "Post", loaded.subject);
    if (loaded.post.deletedAt) throw conflict(DELETED_POST_MESSAGE);
    return { ...loaded, userId: req.user._id };
  }

  router.put("/posts/:id/reactions/:kind", async (req, res) => {
    const { post, thread, userId } = await loadReactablePost(req);
    const kind = parseInput(reactionKindSchema, req.params.kind);
    const updated = await reactionAdder({ post, thread, userId, kind, context: req.context });
    res.json({ post: await presentForActor(req, updated, thread) });
  });

  router.delete("/posts/:id/reactions/:kind", async (req, res) => {
    const { post, thread, userId } = await loadReactablePost(req);
    const kind = parseInput(reactionKindSchema, req.params.kind);
    const updated = await reactionRemover({ post, thread, userId, kind, context: req.context });
    res.json({ post: await presentForActor(req, updated, thread) });
  });

  return router;
}
