import type express from "express";
import type { Endpoint } from "@forum/shared";
import { CLIENT_PAGES, createApp } from "../../server/src/app.js";
import { loadConfig } from "../../server/src/config.js";
import { declarationOf } from "../../server/src/http/declareRoute.js";
import { createForumMetrics } from "../../server/src/infra/metrics.js";
import { createLogger } from "../../server/src/logger.js";

/** A route the app registered: its method and path as its router has them, and the declaration it came from. */
export interface RegisteredRoute {
  method: string;
  path: string;
  endpoint: Endpoint | undefined;
}

interface Layer {
  route?: { path: string | RegExp; stack: { method?: string; handle: unknown }[] };
  handle?: { stack?: Layer[] };
}

/**
 * Every route of the Express app as the server builds it (nothing listens, no database is needed), found by walking
 * its routers, with the declaration each handler was registered from (undefined for one registered by hand). The
 * client's catch-all page route is left out: it is not part of the API.
 */
export function registeredRoutes(): RegisteredRoute[] {
  const config = loadConfig({ NODE_ENV: "test", LOG_LEVEL: "silent" });
  const app: express.Express = createApp({
    config,
    logger: createLogger(config),
    databaseKind: "external",
    sessionMiddleware: (_req, _res, next) => next(),
    metrics: createForumMetrics(),
  });
  const found: RegisteredRoute[] = [];
  const walk = (stack: Layer[]) => {
    for (const layer of stack) {
      if (layer.route) {
        if (layer.route.path === CLIENT_PAGES) continue;
        for (const handler of layer.route.stack) {
          found.push({
            method: handler.method ?? "",
            path: String(layer.route.path),
            endpoint: declarationOf(handler.handle),
          });
        }
      } else if (Array.isArray(layer.handle?.stack)) {
        walk(layer.handle.stack);
      }
    }
  };
  walk((app as unknown as { router: { stack: Layer[] } }).router.stack);
  return found;
}
