import { Router, type Request } from "express";
import { saveDraftSchema, type DraftView } from "@forum/shared";
import { notFound, unauthorized } from "../errors/AppError.js";
import { parseInput, parseObjectId } from "../http/validation.js";
import { Category } from "../models/Category.js";
import type { DraftDocument } from "../models/Draft.js";
import { Thread } from "../models/Thread.js";
import { authorize } from "../policies/index.js";
import { draftDiscarder, draftSaver, findDraft, type DraftKey } from "../infra/drafts.js";

const presentDraft = (draft: DraftDocument | null): DraftView | null =>
  draft
    ? { title: draft.title, body: draft.body, clientId: draft.clientId, updatedAt: draft.updatedAt.toISOString() }
    : null;

/** A reply draft may exist only where the person may reply. */
async function threadDraftKey(req: Request): Promise<DraftKey> {
  if (!req.actor || !req.user) throw unauthorized();
  const thread = await Thread.findById(parseObjectId(req.params.threadId), { groupId: 1 }).lean();
  if (!thread) throw notFound();
  authorize(req.actor, "reply", "Thread", thread);
  return { userId: req.user._id, scope: "thread", targetId: thread._id };
}

/** A new-thread draft may exist only where the person may start a thread. */
async function categoryDraftKey(req: Request): Promise<DraftKey> {
  if (!req.actor || !req.user) throw unauthorized();
  const category = await Category.findById(parseObjectId(req.params.categoryId), { groupId: 1, kind: 1 }).lean();
  if (!category) throw notFound();
  authorize(req.actor, "createThread", "Category", category);
  return { userId: req.user._id, scope: "category", targetId: category._id };
}

async function showDraft(key: DraftKey): Promise<{ draft: DraftView | null }> {
  return { draft: presentDraft(await findDraft(key)) };
}

async function saveDraft(key: DraftKey, body: unknown): Promise<{ draft: DraftView | null }> {
  return { draft: presentDraft(await draftSaver(key, parseInput(saveDraftSchema, body))) };
}

export function draftRoutes(): Router {
  const router = Router();

  router.get("/drafts/thread/:threadId", async (req, res) => {
    res.json(await showDraft(await threadDraftKey(req)));
  });
  router.put("/drafts/thread/:threadId", async (req, res) => {
    res.json(await saveDraft(await threadDraftKey(req), req.body));
  });
  router.delete("/drafts/thread/:threadId", async (req, res) => {
    await draftDiscarder(await threadDraftKey(req));
    res.status(204).end();
  });

  router.get("/drafts/category/:categoryId", async (req, res) => {
    res.json(await showDraft(await categoryDraftKey(req)));
  });
  router.put("/drafts/category/:categoryId", async (req, res) => {
    res.json(await saveDraft(await categoryDraftKey(req), req.body));
  });
  router.delete("/drafts/category/:categoryId", async (req, res) => {
    await draftDiscarder(await categoryDraftKey(req));
    res.status(204).end();
  });

  return router;
}
