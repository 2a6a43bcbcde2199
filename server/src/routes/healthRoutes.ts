import { Router } from "express";
import mongoose from "mongoose";
import { endpoints, type HealthReport, type ReadinessReport } from "@forum/shared";
import type { DatabaseKind } from "../db/findDatabase.js";
import { route, withStatus } from "../http/declareRoute.js";

/** How long a ping may take before the database counts as down (a hung ping must not hang the probe). */
const PING_TIMEOUT_MS = 2_000;

async function databaseUp(): Promise<boolean> {
  const db = mongoose.connection.db;
  if (mongoose.connection.readyState !== 1 || !db) return false;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), PING_TIMEOUT_MS);
  });
  const ping = db
    .admin()
    .ping()
    .then(() => true)
    .catch(() => false);
  return Promise.race([ping, timeout]).finally(() => clearTimeout(timer));
}

function readinessMessage(database: boolean, redis: boolean): string | undefined {
  if (!database && !redis) return "Baza danych i Redis nie odpowiadają.";
  if (!database) return "Baza danych nie odpowiada.";
  if (!redis) return "Redis nie odpowiada.";
  return undefined;
}

/**
 * `/health` is liveness: 200 while the process serves HTTP (restarting it would not bring a lost database back),
 * with what it depends on reported in the body. `/ready` is readiness: 503 unless the database answers a ping and,
 * when REDIS_URL is set, Redis is connected, so a load balancer sends no traffic to a process that cannot serve it.
 */
export function healthRoutes(databaseKind: DatabaseKind, redisUp?: () => boolean): Router {
  const router = Router();
  route(router, endpoints.system.health, async () => {
    const up = await databaseUp();
    const report: HealthReport = {
      status: up ? "ok" : "degraded",
      database: { status: up ? "up" : "down", kind: databaseKind },
      ...(redisUp ? { redis: { status: redisUp() ? "up" : "down" } } : {}),
    };
    return report;
  });

  route(router, endpoints.system.ready, async () => {
    const database = await databaseUp();
    const redis = redisUp ? redisUp() : true;
    const message = readinessMessage(database, redis);
    const report: ReadinessReport = {
      ready: message === undefined,
      database: database ? "up" : "down",
      ...(redisUp ? { redis: redis ? "up" : "down" } : {}),
      ...(message ? { message } : {}),
    };
    return withStatus(report.ready ? 200 : 503, report);
  });
  return router;
}
