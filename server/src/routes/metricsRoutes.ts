import { createHash, timingSafeEqual } from "node:crypto";
import { Router } from "express";
import { endpoints } from "@forum/shared";
import { notFound, unauthorized } from "../errors/AppError.js";
import type { ForumMetrics } from "../infra/metrics.js";
import { route, sent } from "../http/declareRoute.js";

/** Hashing first gives equal lengths, so the comparison takes the same time whatever the caller sent. */
const digest = (value: string) => createHash("sha256").update(value).digest();

function bearerMatches(header: string | undefined, token: string): boolean {
  const presented = /^Bearer\s+(\S+)$/i.exec(header ?? "")?.[1] ?? "";
  return timingSafeEqual(digest(presented), digest(token));
}

/** Prometheus scrapes `/metrics` with `Authorization: Bearer <METRICS_TOKEN>`; without a token it does not exist. */
export function metricsRoutes(metrics: ForumMetrics, token: string | undefined): Router {
  const router = Router();
  route(router, endpoints.system.metrics, async (_input, req, res) => {
    if (!token) throw notFound();
    if (!bearerMatches(req.headers.authorization, token)) {
      res.setHeader("WWW-Authenticate", 'Bearer realm="metrics"');
      throw unauthorized("Podaj poprawny token metryk (nagłówek Authorization: Bearer …).");
    }
    return sent(res.type(metrics.registry.contentType).send(await metrics.registry.metrics()));
  });
  return router;
}
