import { Router } from "express";
import type mongoose from "mongoose";
import { endpoints, type PostRevisionView, type ReactionKind } from "@forum/shared";
import { DELETED_POST_MESSAGE, postEditor } from "../commands/postEditor.js";
import { postDeleter } from "../commands/postDeleter.js";
import { reactionAdder } from "../commands/reactionAdder.js";
import { reactionRemover } from "../commands/reactionRemover.js";
import { conflict, notFound } from "../errors/AppError.js";
import { route, type SignedInRequest } from "../http/declareRoute.js";
import { Post, type PostDocument } from "../models/Post.js";
import { PostRevision } from "../models/PostRevision.js";
import { Thread, type ThreadDocument } from "../models/Thread.js";
import { authorize, type Actor } from "../policies/index.js";
import type { PostSubject } from "../policies/postPolicy.js";
import { peopleOfPost, presentPost, presentPostRevision } from "../presenters/postPresenter.js";
import { loadAuthors } from "../queries/authorDirectory.js";
import { loadMyReactions } from "../queries/reactionDirectory.js";

export interface LoadedPost {
  post: PostDocument;
  thread: ThreadDocument;
  subject: PostSubject;
}

/** The post named in the URL and its thread, if the actor may do `action` with them (404 when unreadable). */
export async function loadPostFor(actor: Actor, id: mongoose.Types.ObjectId, action = "read"): Promise<LoadedPost> {
  const post = await Post.findById(id).lean();
  const thread = post ? await Thread.findById(post.threadId).lean() : null;
  if (!post || !thread) throw notFound();
  const subject: PostSubject = {
    authorId: post.authorId,
    groupId: thread.groupId ?? null,
    deletedAt: post.deletedAt,
    hiddenAt: post.hiddenAt,
  };
  authorize(actor, "read", "Post", subject);
  if (action !== "read") authorize(actor, action, "Post", subject);
  return { post, thread, subject };
}

/** The post as the acting person sees it now. */
export async function presentForActor(
  viewer: { actor: Actor; userId: mongoose.Types.ObjectId },
  post: PostDocument,
  thread: ThreadDocument,
) {
  const [authors, myReactions] = await Promise.all([
    loadAuthors(peopleOfPost(post)),
    loadMyReactions(viewer.userId, [post._id]),
  ]);
  return presentPost(post, thread, authors, { actor: viewer.actor, myReactions });
}

export function postRoutes(): Router {
  const router = Router();

  route(router, endpoints.posts.edit, async ({ actor, user, params, body, context }) => {
    const { post, thread } = await loadPostFor(actor, params.id, "edit");
    const input = body();
    const updated = await postEditor({ post, thread, editorId: user._id, body: input.body, context });
    return { post: await presentForActor({ actor, userId: user._id }, updated, thread) };
  });

  route(router, endpoints.posts.delete, async ({ actor, user, params, context }) => {
    const { post, thread } = await loadPostFor(actor, params.id, "delete");
    await postDeleter({ post, thread, deleterId: user._id, context });
  });

  route(router, endpoints.posts.revisions, async ({ actor, params }) => {
    const { post } = await loadPostFor(actor, params.id, "readRevisions");
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
    return body;
  });

  /** Giving and taking back a reaction: the same checks, in the same order (own posts are refused by the policy). */
  const reacting = (change: typeof reactionAdder | typeof reactionRemover) =>
    async function ({
      actor,
      user,
      params,
      context,
    }: SignedInRequest<{ id: mongoose.Types.ObjectId; kind: ReactionKind }>) {
      const { post, thread } = await loadPostFor(actor, params.id, "react");
      if (post.deletedAt) throw conflict(DELETED_POST_MESSAGE);
      const updated = await change({ post, thread, userId: user._id, kind: params.kind, context });
      return { post: await presentForActor({ actor, userId: user._id }, updated, thread) };
    };
  route(router, endpoints.posts.react, reacting(reactionAdder));
  route(router, endpoints.posts.unreact, reacting(reactionRemover));

  return router;
}
