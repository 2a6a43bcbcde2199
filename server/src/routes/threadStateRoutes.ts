import { Router } from "express";
import { endpoints } from "@forum/shared";
import { threadCloseScheduler } from "../commands/threadCloseScheduler.js";
import { threadEditor } from "../commands/threadEditor.js";
import { threadLocker } from "../commands/threadLocker.js";
import { threadPinner } from "../commands/threadPinner.js";
import { threadSlowModeSetter } from "../commands/threadSlowModeSetter.js";
import type { ThreadStateActor } from "../commands/support/threadStateChange.js";
import { threadUnlocker } from "../commands/threadUnlocker.js";
import { threadUnpinner } from "../commands/threadUnpinner.js";
import { notFound } from "../errors/AppError.js";
import { route, type SignedInRequest } from "../http/declareRoute.js";
import { Thread, type ThreadDocument } from "../models/Thread.js";
import { authorize } from "../policies/index.js";
import { presentThreadUpdate } from "../presenters/threadStatePresenter.js";
import { resolveTags } from "../commands/support/freeTags.js";

/** The thread in the path and who acts on it, once the policy allows `action` (404 when unreadable, 403 else). */
async function moderatedThread(
  { actor, user, params, context }: SignedInRequest,
  action: string,
): Promise<ThreadStateActor> {
  const thread = await Thread.findById(params.id).lean();
  if (!thread) throw notFound();
  authorize(actor, action, "Thread", thread);
  return { thread, actorId: user._id, context };
}

const answer = async (thread: ThreadDocument) => ({ thread: await presentThreadUpdate(thread) });

/** Moderator tools on a thread: pin, lock, closing date, slow mode, rename and re-tag. Each answers the new state. */
export function threadStateRoutes(): Router {
  const router = Router();

  route(router, endpoints.threads.pin, async (input) => {
    const target = await moderatedThread(input, "pin");
    const { scope, until } = input.body();
    return answer(await threadPinner({ ...target, scope, until: until ? new Date(until) : null }));
  });

  route(router, endpoints.threads.unpin, async (input) =>
    answer(await threadUnpinner(await moderatedThread(input, "pin"))),
  );

  route(router, endpoints.threads.lock, async (input) => {
    const target = await moderatedThread(input, "lock");
    const { reason } = input.body();
    return answer(await threadLocker({ ...target, reason }));
  });

  route(router, endpoints.threads.unlock, async (input) =>
    answer(await threadUnlocker(await moderatedThread(input, "lock"))),
  );

  route(router, endpoints.threads.scheduleClose, async (input) => {
    const target = await moderatedThread(input, "scheduleClose");
    const { closesAt, reason } = input.body();
    return answer(await threadCloseScheduler({ ...target, closesAt: closesAt ? new Date(closesAt) : null, reason }));
  });

  route(router, endpoints.threads.setSlowMode, async (input) => {
    const target = await moderatedThread(input, "setSlowMode");
    const { seconds } = input.body();
    return answer(await threadSlowModeSetter({ ...target, seconds }));
  });

  /** Rename and/or re-tag (moderators; tags checked as when starting a thread: the taxonomy, or free tags where allowed). */
  route(router, endpoints.threads.edit, async (input) => {
    const target = await moderatedThread(input, "edit");
    const changes = input.body();
    const tags = changes.tags
      ? await resolveTags({
          actor: input.actor,
          actorId: target.actorId,
          groupId: target.thread.groupId ?? null,
          tags: changes.tags,
          context: target.context,
        })
      : undefined;
    return answer(await threadEditor({ ...target, title: changes.title, tags }));
  });

  return router;
}
