import { Router, type Request } from "express";
import {
  closeThreadAtSchema,
  editThreadSchema,
  lockThreadSchema,
  pinThreadSchema,
  slowModeSchema,
} from "@forum/shared";
import { threadCloseScheduler } from "../commands/threadCloseScheduler.js";
import { threadEditor } from "../commands/threadEditor.js";
import { threadLocker } from "../commands/threadLocker.js";
import { threadPinner } from "../commands/threadPinner.js";
import { threadSlowModeSetter } from "../commands/threadSlowModeSetter.js";
import type { ThreadStateActor } from "../commands/support/threadStateChange.js";
import { threadUnlocker } from "../commands/threadUnlocker.js";
import { threadUnpinner } from "../commands/threadUnpinner.js";
import { notFound, unauthorized } from "../errors/AppError.js";
import { parseInput, parseObjectId } from "../http/validation.js";
import { Thread } from "../models/Thread.js";
import { authorize } from "../policies/index.js";
import { presentThreadUpdate } from "../presenters/threadStatePresenter.js";
import { resolveTags } from "../commands/support/freeTags.js";

/** The thread in the path and who acts on it, once the policy allows `action` (404 when unreadable, 403 else). */
async function moderatedThread(req: Request, action: string): Promise<ThreadStateActor> {
  if (!req.actor || !req.user) throw unauthorized();
  const thread = await Thread.findById(parseObjectId(req.params.id)).lean();
  if (!thread) throw notFound();
  authorize(req.actor, action, "Thread", thread);
  return { thread, actorId: req.user._id, context: req.context };
}

/** Moderator tools on a thread: pin, lock, closing date, slow mode, rename and re-tag. Each answers the new state. */
export function threadStateRoutes(): Router {
  const router = Router();

  router.put("/threads/:id/pin", async (req, res) => {
    const target = await moderatedThread(req, "pin");
    const input = parseInput(pinThreadSchema, req.body);
    const thread = await threadPinner({
      ...target,
      scope: input.scope,
      until: input.until ? new Date(input.until) : null,
    });
    res.json({ thread: await presentThreadUpdate(thread) });
  });

  router.delete("/threads/:id/pin", async (req, res) => {
    const thread = await threadUnpinner(await moderatedThread(req, "pin"));
    res.json({ thread: await presentThreadUpdate(thread) });
  });

  router.put("/threads/:id/lock", async (req, res) => {
    const target = await moderatedThread(req, "lock");
    const input = parseInput(lockThreadSchema, req.body);
    const thread = await threadLocker({ ...target, reason: input.reason });
    res.json({ thread: await presentThreadUpdate(thread) });
  });

  router.delete("/threads/:id/lock", async (req, res) => {
    const thread = await threadUnlocker(await moderatedThread(req, "lock"));
    res.json({ thread: await presentThreadUpdate(thread) });
  });

  router.put("/threads/:id/closes-at", async (req, res) => {
    const target = await moderatedThread(req, "scheduleClose");
    const input = parseInput(closeThreadAtSchema, req.body);
    const thread = await threadCloseScheduler({
      ...target,
      closesAt: input.closesAt ? new Date(input.closesAt) : null,
      reason: input.reason,
    });
    res.json({ thread: await presentThreadUpdate(thread) });
  });

  router.put("/threads/:id/slow-mode", async (req, res) => {
    const target = await moderatedThread(req, "setSlowMode");
    const input = parseInput(slowModeSchema, req.body);
    const thread = await threadSlowModeSetter({ ...target, seconds: input.seconds });
    res.json({ thread: await presentThreadUpdate(thread) });
  });

  /** Rename and/or re-tag (moderators; tags checked as when starting a thread: the taxonomy, or free tags where allowed). */
  router.patch("/threads/:id", async (req, res) => {
    const target = await moderatedThread(req, "edit");
    if (!req.actor) throw unauthorized();
    const input = parseInput(editThreadSchema, req.body);
    const tags = input.tags
      ? await resolveTags({
          actor: req.actor,
          actorId: target.actorId,
          groupId: target.thread.groupId ?? null,
          tags: input.tags,
          context: target.context,
        })
      : undefined;
    const thread = await threadEditor({ ...target, title: input.title, tags });
    res.json({ thread: await presentThreadUpdate(thread) });
  });

  return router;
}
