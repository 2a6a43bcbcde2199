import { Router } from "express";
import type mongoose from "mongoose";
import { endpoints, type WatchLevel } from "@forum/shared";
import { watchLevelSetter } from "../commands/watchLevelSetter.js";
import { notFound } from "../errors/AppError.js";
import { route, type SignedInRequest } from "../http/declareRoute.js";
import { Category } from "../models/Category.js";
import { Thread } from "../models/Thread.js";
import type { WatchTarget } from "../models/Watch.js";
import { authorize, type Actor } from "../policies/index.js";
import { watchLevelOf } from "../queries/watchLevels.js";

/** The thread or category named in the URL, if the signed-in actor may read it. */
async function loadWatchable(actor: Actor, targetType: WatchTarget, id: mongoose.Types.ObjectId) {
  const target =
    targetType === "thread"
      ? await Thread.findById(id, { groupId: 1 }).lean()
      : await Category.findById(id, { groupId: 1, kind: 1 }).lean();
  if (!target) throw notFound();
  authorize(actor, "read", targetType === "thread" ? "Thread" : "Category", target);
  return target;
}

/** Watch levels of threads and categories. */
export function watchRoutes(): Router {
  const router = Router();

  const read =
    (targetType: WatchTarget) =>
    async ({ actor, user, params }: SignedInRequest) => {
      const target = await loadWatchable(actor, targetType, params.id);
      return { level: await watchLevelOf(user._id, targetType, target._id) };
    };
  const write =
    (targetType: WatchTarget) =>
    async ({ actor, user, params, context }: SignedInRequest, parseBody: () => { level: WatchLevel | null }) => {
      const target = await loadWatchable(actor, targetType, params.id);
      const { level } = parseBody();
      return {
        level: await watchLevelSetter({
          userId: user._id,
          targetType,
          targetId: target._id,
          level,
          groupId: target.groupId ?? null,
          context,
        }),
      };
    };

  route(router, endpoints.threads.watch, read("thread"));
  route(router, endpoints.threads.setWatch, (input) => write("thread")(input, input.body));
  route(router, endpoints.threads.categoryWatch, read("category"));
  route(router, endpoints.threads.setCategoryWatch, (input) => write("category")(input, input.body));

  return router;
}
