import { Router, type Request } from "express";
import {
  createFlagSchema,
  flagListQuerySchema,
  hidePostSchema,
  messageAuthorSchema,
  resolveFlagsSchema,
} from "@forum/shared";
import { authorMessenger } from "../commands/authorMessenger.js";
import { flagCreator } from "../commands/flagCreator.js";
import { flagResolver } from "../commands/flagResolver.js";
import { postHider } from "../commands/postHider.js";
import { postPurger } from "../commands/postPurger.js";
import { postRecordKeeper } from "../commands/postRecordKeeper.js";
import { postRestorer } from "../commands/postRestorer.js";
import type { Config } from "../config.js";
import { forbidden, unauthorized } from "../errors/AppError.js";
import { parseInput } from "../http/validation.js";
import { authorize } from "../policies/index.js";
import { loadFlagQueue } from "../queries/flagQueue.js";
import { uploadDirectory } from "../infra/uploadStorage.js";
import { loadReadablePost, presentForActor, type LoadedPost } from "./postRoutes.js";

/** A signed-in actor and the post named in the URL, allowed to do `action` with it. */
async function loadPostFor(
  req: Request,
  action: string,
): Promise<LoadedPost & { userId: NonNullable<Request["user"]>["_id"] }> {
  if (!req.actor || !req.user) throw unauthorized();
  const loaded = await loadReadablePost(req);
  authorize(req.actor, action, "Post", loaded.subject);
  return { ...loaded, userId: req.user._id };
}

/** Moderation of posts (hide, restore, purge), flags and the review queue. */
export function postModerationRoutes(config: Pick<Config, "FLAGS_TO_HIDE" | "DATA_DIR" | "UPLOAD_DIR">): Router {
  const router = Router();

  /** One post as the viewer sees it: a client fetches its own copy after a live hide or restore. */
  router.get("/posts/:id", async (req, res) => {
    const { post, thread } = await loadReadablePost(req);
    res.json({ post: await presentForActor(req, post, thread) });
  });

  router.post("/posts/:id/hide", async (req, res) => {
    const { post, thread, userId } = await loadPostFor(req, "hide");
    const input = parseInput(hidePostSchema, req.body);
    const updated = await postHider({ post, thread, moderatorId: userId, reason: input.reason, context: req.context });
    res.json({ post: await presentForActor(req, updated, thread) });
  });

  router.post("/posts/:id/restore", async (req, res) => {
    const { post, thread, userId } = await loadPostFor(req, "restore");
    const updated = await postRestorer({ post, thread, moderatorId: userId, context: req.context });
    res.json({ post: await presentForActor(req, updated, thread) });
  });

  router.post("/posts/:id/record", async (req, res) => {
    const { post, thread, userId } = await loadPostFor(req, "keepForRecord");
    const updated = await postRecordKeeper({ post, thread, keep: true, moderatorId: userId, context: req.context });
    res.json({ post: await presentForActor(req, updated, thread) });
  });

  router.delete("/posts/:id/record", async (req, res) => {
    const { post, thread, userId } = await loadPostFor(req, "keepForRecord");
    const updated = await postRecordKeeper({ post, thread, keep: false, moderatorId: userId, context: req.context });
    res.json({ post: await presentForActor(req, updated, thread) });
  });

  router.post("/posts/:id/purge", async (req, res) => {
    const { post, thread, userId } = await loadPostFor(req, "purge");
    await postPurger({ post, thread, adminId: userId, uploadDirectory: uploadDirectory(config), context: req.context });
    res.status(204).end();
  });

  router.post("/posts/:id/flags", async (req, res) => {
    if (!req.actor || !req.user) throw unauthorized();
    const loaded = await loadReadablePost(req);
    if (loaded.post.authorId.toString() === req.actor.id) throw forbidden("Nie można zgłosić własnego wpisu.");
    authorize(req.actor, "flag", "Post", loaded.subject);
    const input = parseInput(createFlagSchema, req.body);
    const flag = await flagCreator({
      post: loaded.post,
      thread: loaded.thread,
      flaggerId: req.user._id,
      input,
      flagsToHide: config.FLAGS_TO_HIDE,
      context: req.context,
    });
    res.status(201).json({ flag: { id: flag._id.toString(), reason: flag.reason, status: flag.status } });
  });

  router.get("/moderation/flags", async (req, res) => {
    authorize(req.actor, "review", "Flag", null);
    const query = parseInput(flagListQuerySchema, req.query);
    res.json(await loadFlagQueue(query.status));
  });

  router.post("/moderation/flags/:id/resolve", async (req, res) => {
    authorize(req.actor, "resolve", "Flag", null);
    const { post, thread, userId } = await loadPostFor(req, "read");
    const input = parseInput(resolveFlagsSchema, req.body);
    const { flagIds } = await flagResolver({
      post,
      thread,
      moderatorId: userId,
      resolution: input.resolution,
      note: input.note,
      context: req.context,
    });
    res.json({ resolved: flagIds.length });
  });

  router.post("/moderation/flags/:id/message", async (req, res) => {
    authorize(req.actor, "messageAuthor", "Flag", null);
    const { post, thread, userId } = await loadPostFor(req, "read");
    const input = parseInput(messageAuthorSchema, req.body);
    await authorMessenger({ post, thread, moderatorId: userId, text: input.text, context: req.context });
    res.status(204).end();
  });

  return router;
}
