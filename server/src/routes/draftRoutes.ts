import { Router } from "express";
import type mongoose from "mongoose";
import { endpoints, type DraftView, type SaveDraftInput } from "@forum/shared";
import { notFound } from "../errors/AppError.js";
import { route } from "../http/declareRoute.js";
import { Category } from "../models/Category.js";
import type { DraftDocument } from "../models/Draft.js";
import { Thread } from "../models/Thread.js";
import { authorize, type Actor } from "../policies/index.js";
import { draftDiscarder, draftSaver, findDraft, type DraftKey } from "../infra/drafts.js";

const presentDraft = (draft: DraftDocument | null): DraftView | null =>
  draft
    ? { title: draft.title, body: draft.body, clientId: draft.clientId, updatedAt: draft.updatedAt.toISOString() }
    : null;

interface DraftRequest {
  actor: Actor;
  user: Express.User;
}

/** A reply draft may exist only where the person may reply. */
async function threadDraftKey({ actor, user }: DraftRequest, threadId: mongoose.Types.ObjectId): Promise<DraftKey> {
  const thread = await Thread.findById(threadId, { groupId: 1 }).lean();
  if (!thread) throw notFound();
  authorize(actor, "reply", "Thread", thread);
  return { userId: user._id, scope: "thread", targetId: thread._id };
}

/** A new-thread draft may exist only where the person may start a thread. */
async function categoryDraftKey({ actor, user }: DraftRequest, categoryId: mongoose.Types.ObjectId): Promise<DraftKey> {
  const category = await Category.findById(categoryId, { groupId: 1, kind: 1 }).lean();
  if (!category) throw notFound();
  authorize(actor, "createThread", "Category", category);
  return { userId: user._id, scope: "category", targetId: category._id };
}

const showDraft = async (key: DraftKey) => ({ draft: presentDraft(await findDraft(key)) });
const saveDraft = async (key: DraftKey, input: SaveDraftInput) => ({
  draft: presentDraft(await draftSaver(key, input)),
});

export function draftRoutes(): Router {
  const router = Router();

  route(router, endpoints.posts.replyDraft, async (input) =>
    showDraft(await threadDraftKey(input, input.params.threadId)),
  );
  route(router, endpoints.posts.saveReplyDraft, async (input) =>
    saveDraft(await threadDraftKey(input, input.params.threadId), input.body()),
  );
  route(router, endpoints.posts.discardReplyDraft, async (input) => {
    await draftDiscarder(await threadDraftKey(input, input.params.threadId));
  });

  route(router, endpoints.posts.threadDraft, async (input) =>
    showDraft(await categoryDraftKey(input, input.params.categoryId)),
  );
  route(router, endpoints.posts.saveThreadDraft, async (input) =>
    saveDraft(await categoryDraftKey(input, input.params.categoryId), input.body()),
  );
  route(router, endpoints.posts.discardThreadDraft, async (input) => {
    await draftDiscarder(await categoryDraftKey(input, input.params.categoryId));
  });

  return router;
}
