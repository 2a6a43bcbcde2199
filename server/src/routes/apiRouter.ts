import { Router } from "express";
import type { DatabaseKind } from "../db/findDatabase.js";
import { apiNotFoundHandler } from "../errors/errorHandler.js";
import { authRoutes } from "./authRoutes.js";
import { categoryRoutes } from "./categoryRoutes.js";
import { groupRoutes } from "./groupRoutes.js";
import { healthRoutes } from "./healthRoutes.js";
import { networkRoutes } from "./networkRoutes.js";
import { threadRoutes } from "./threadRoutes.js";

export function apiRouter(databaseKind: DatabaseKind): Router {
  const router = Router();
  router.use(healthRoutes(databaseKind));
  router.use(networkRoutes());
  router.use(authRoutes());
  router.use(groupRoutes());
  router.use(categoryRoutes());
  router.use(threadRoutes());
  router.use(apiNotFoundHandler);
  return router;
}
