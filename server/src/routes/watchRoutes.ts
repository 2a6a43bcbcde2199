import { Router, type Request } from "express";
import { watchLevelInputSchema, type WatchState } from "@forum/shared";
import { watchLevelSetter } from "../commands/watchLevelSetter.js";
import { notFound, unauthorized } from "../errors/AppError.js";
import { parseInput, parseObjectId } from "../http/validation.js";
import { Category } from "../models/Category.js";
import { Thread } from "../models/Thread.js";
import type { WatchTarget } from "../models/Watch.js";
import { authorize } from "../policies/index.js";
import { watchLevelOf } from "../queries/watchLevels.js";

/** The thread or category named in the URL, if the signed-in actor may read it. */
async function loadWatchable(req: Request, targetType: WatchTarget) {
  if (!req.actor || !req.user) throw unauthorized();
  const id = parseObjectId(req.params.id);
  const target =
    targetType === "thread"
      ? await Thread.findById(id, { groupId: 1 }).lean()
      : await Category.findById(id, { groupId: 1, kind: 1 }).lean();
  if (!target) throw notFound();
  authorize(req.actor, "read", targetType === "thread" ? "Thread" : "Category", target);
  return { user: req.user, target };
}

/** Watch levels of threads and categories. */
export function watchRoutes(): Router {
  const router = Router();

  for (const targetType of ["thread", "category"] as const) {
    const read = async (req: Request) => {
      const { user, target } = await loadWatchable(req, targetType);
      const body: WatchState = { level: await watchLevelOf(user._id, targetType, target._id) };
      return body;
    };
    const write = async (req: Request) => {
      const { user, target } = await loadWatchable(req, targetType);
      const input = parseInput(watchLevelInputSchema, req.body);
      const level = await watchLevelSetter({
        userId: user._id,
        targetType,
        targetId: target._id,
        level: input.level,
        groupId: target.groupId ?? null,
        context: req.context,
      });
      const body: WatchState = { level };
      return body;
    };
    if (targetType === "thread") {
      router.get("/threads/:id/watch", async (req, res) => void res.json(await read(req)));
      router.put("/threads/:id/watch", async (req, res) => void res.json(await write(req)));
    } else {
      router.get("/categories/:id/watch", async (req, res) => void res.json(await read(req)));
      router.put("/categories/:id/watch", async (req, res) => void res.json(await write(req)));
    }
  }

  return router;
}
