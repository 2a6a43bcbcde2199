import { Router } from "express";
import type { DatabaseKind } from "../db/findDatabase.js";
import { apiNotFoundHandler } from "../errors/errorHandler.js";
import type { Config } from "../config.js";
import { adminUserRoutes } from "./adminUserRoutes.js";
import { authRoutes } from "./authRoutes.js";
import { meRoutes } from "./meRoutes.js";
import { categoryRoutes } from "./categoryRoutes.js";
import { groupRoutes } from "./groupRoutes.js";
import { homeRoutes } from "./homeRoutes.js";
import { healthRoutes } from "./healthRoutes.js";
import { networkRoutes } from "./networkRoutes.js";
import { threadRoutes } from "./threadRoutes.js";
import { postRoutes } from "./postRoutes.js";
import { accountRequestRoutes } from "./accountRequestRoutes.js";
import { invitationRoutes } from "./invitationRoutes.js";
import { jstRoutes } from "./jstRoutes.js";
import { passwordResetRoutes } from "./passwordResetRoutes.js";

export function apiRouter({ databaseKind, config }: { databaseKind: DatabaseKind; config: Config }): Router {
  const router = Router();
  router.use(healthRoutes(databaseKind));
  router.use(networkRoutes());
  router.use(authRoutes(config));
  router.use(meRoutes(config));
  router.use(adminUserRoutes());
  router.use(homeRoutes());
  router.use(groupRoutes());
  router.use(categoryRoutes());
  router.use(threadRoutes());
  router.use(postRoutes());
  router.use(jstRoutes());
  router.use(invitationRoutes(config));
  router.use(accountRequestRoutes());
  router.use(passwordResetRoutes(config));
  router.use(apiNotFoundHandler);
  return router;
}
