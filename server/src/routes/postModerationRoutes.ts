import { Router } from "express";
import { endpoints } from "@forum/shared";
import { authorMessenger } from "../commands/authorMessenger.js";
import { flagCreator } from "../commands/flagCreator.js";
import { flagResolver } from "../commands/flagResolver.js";
import { postHider } from "../commands/postHider.js";
import { postPurger } from "../commands/postPurger.js";
import { postRecordKeeper } from "../commands/postRecordKeeper.js";
import { postRestorer } from "../commands/postRestorer.js";
import type { Config } from "../config.js";
import { route } from "../http/declareRoute.js";
import { authorize } from "../policies/index.js";
import { loadFlagQueue } from "../queries/flagQueue.js";
import { uploadDirectory } from "../infra/uploadStorage.js";
import { loadPostFor, presentForActor } from "./postRoutes.js";

/** Moderation of posts (hide, restore, purge), flags and the review queue. */
export function postModerationRoutes(config: Pick<Config, "FLAGS_TO_HIDE" | "DATA_DIR" | "UPLOAD_DIR">): Router {
  const router = Router();

  /** One post as the viewer sees it: a client fetches its own copy after a live hide or restore. */
  route(router, endpoints.posts.detail, async ({ actor, user, params }) => {
    const { post, thread } = await loadPostFor(actor, params.id);
    return { post: await presentForActor({ actor, userId: user._id }, post, thread) };
  });

  route(router, endpoints.moderation.hidePost, async ({ actor, user, params, body, context }) => {
    const { post, thread } = await loadPostFor(actor, params.id, "hide");
    const { reason } = body();
    const updated = await postHider({ post, thread, moderatorId: user._id, reason, context });
    return { post: await presentForActor({ actor, userId: user._id }, updated, thread) };
  });

  route(router, endpoints.moderation.restorePost, async ({ actor, user, params, context }) => {
    const { post, thread } = await loadPostFor(actor, params.id, "restore");
    const updated = await postRestorer({ post, thread, moderatorId: user._id, context });
    return { post: await presentForActor({ actor, userId: user._id }, updated, thread) };
  });

  for (const [endpoint, keep] of [
    [endpoints.moderation.keepForRecord, true],
    [endpoints.moderation.releaseFromRecord, false],
  ] as const) {
    route(router, endpoint, async ({ actor, user, params, context }) => {
      const { post, thread } = await loadPostFor(actor, params.id, "keepForRecord");
      const updated = await postRecordKeeper({ post, thread, keep, moderatorId: user._id, context });
      return { post: await presentForActor({ actor, userId: user._id }, updated, thread) };
    });
  }

  route(router, endpoints.moderation.purgePost, async ({ actor, user, params, context }) => {
    const { post, thread } = await loadPostFor(actor, params.id, "purge");
    await postPurger({ post, thread, adminId: user._id, uploadDirectory: uploadDirectory(config), context });
  });

  /** Anyone who reads a post may report it, except its author (the policy refuses with the reason). */
  route(router, endpoints.posts.flag, async ({ actor, user, params, body, context }) => {
    const { post, thread } = await loadPostFor(actor, params.id, "flag");
    const input = body();
    const flag = await flagCreator({
      post,
      thread,
      flaggerId: user._id,
      input,
      flagsToHide: config.FLAGS_TO_HIDE,
      context,
    });
    return { flag: { id: flag._id.toString(), reason: flag.reason, status: flag.status } };
  });

  route(router, endpoints.moderation.flags, async ({ actor, query }) => {
    authorize(actor, "review", "Flag", null);
    return loadFlagQueue(query().status);
  });

  route(router, endpoints.moderation.resolveFlags, async ({ actor, user, params, body, context }) => {
    authorize(actor, "resolve", "Flag", null);
    const { post, thread } = await loadPostFor(actor, params.id);
    const input = body();
    const { flagIds } = await flagResolver({
      post,
      thread,
      moderatorId: user._id,
      resolution: input.resolution,
      note: input.note,
      context,
    });
    return { resolved: flagIds.length };
  });

  route(router, endpoints.moderation.messageAuthor, async ({ actor, user, params, body, context }) => {
    authorize(actor, "messageAuthor", "Flag", null);
    const { post, thread } = await loadPostFor(actor, params.id);
    const input = body();
    await authorMessenger({ post, thread, moderatorId: user._id, text: input.text, context });
  });

  return router;
}
