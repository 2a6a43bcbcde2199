import { Router } from "express";
import mongoose from "mongoose";
import type { HealthReport } from "@forum/shared";
import type { DatabaseKind } from "../db/findDatabase.js";

/** `redisUp` only when REDIS_URL is set: a lost Redis is reported but does not fail the check (HTTP still works). */
export function healthRoutes(databaseKind: DatabaseKind, redisUp?: () => boolean): Router {
  const router = Router();
  router.get("/health", async (_req, res) => {
    let up = false;
    if (mongoose.connection.readyState === 1 && mongoose.connection.db) {
      up = await mongoose.connection.db
        .admin()
        .ping()
        .then(() => true)
        .catch(() => false);
    }
    const report: HealthReport = {
      status: up ? "ok" : "degraded",
      database: { status: up ? "up" : "down", kind: databaseKind },
      ...(redisUp ? { redis: { status: redisUp() ? "up" : "down" } } : {}),
    };
    res.status(up ? 200 : 503).json(report);
  });
  return router;
}
