import { requestContext } from "./http/requestContext.js";
import { existsSync } from "node:fs";
import path from "node:path";
import compression from "compression";
import express, { type RequestHandler } from "express";
import helmet from "helmet";
import passport from "passport";
import { pinoHttp } from "pino-http";
import { randomUUID } from "node:crypto";
import type { Config } from "./config.js";
import type { DatabaseKind } from "./db/findDatabase.js";
import { errorHandler } from "./errors/errorHandler.js";
import { requireCsrfToken } from "./http/csrfProtection.js";
import { originCheck } from "./http/originCheck.js";
import { sessionLifetime } from "./http/sessionLifetime.js";
import "./http/requestContext.js";
import type { Logger } from "./logger.js";
import { apiRouter } from "./routes/apiRouter.js";
import { metricsRoutes } from "./routes/metricsRoutes.js";
import { unsubscribeRoutes } from "./routes/unsubscribeRoutes.js";
import { attachActor } from "./infra/authentication.js";
import type { ForumMetrics } from "./infra/metrics.js";
import { visitTracker } from "./infra/visitTracker.js";

export interface AppDependencies {
  config: Config;
  logger: Logger;
  databaseKind: DatabaseKind;
  sessionMiddleware: RequestHandler;
  /** Set when REDIS_URL is: whether the Socket.IO scale-out connection is usable (health report). */
  redisUp?: (() => boolean) | undefined;
  metrics: ForumMetrics;
}

/** Everything that is not the API or Socket.IO is a page of the client (SvelteKit routes it in the browser). */
export const CLIENT_PAGES = /^(?!\/(api|socket\.io)\/).*/;

/** Probes come every few seconds; logging each would drown the log. */
const PROBE_URLS = new Set(["/api/health", "/api/ready", "/metrics"]);

/** The Express app; the order of middleware is the order a request meets them. */
export function createApp({
  config,
  logger,
  databaseKind,
  sessionMiddleware,
  redisUp,
  metrics,
}: AppDependencies): express.Express {
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", config.TRUST_PROXY ? 1 : false);
  app.set("query parser", "simple");
  app.use(metrics.httpTimer);

  app.use(
    pinoHttp({
      logger,
      genReqId: (req, res) => {
        const incoming = req.headers["x-request-id"];
        const id = typeof incoming === "string" && /^[\w-]{1,64}$/.test(incoming) ? incoming : randomUUID();
        res.setHeader("X-Request-Id", id);
        return id;
      },
      autoLogging: { ignore: (req) => PROBE_URLS.has(req.url ?? "") },
    }),
  );
  app.use(requestContext);
  app.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: true,
        directives: {
          "script-src": ["'self'"],
          "style-src": ["'self'"],
          // SvelteKit's route announcer sets a style attribute; attributes cannot run code.
          "style-src-attr": ["'unsafe-inline'"],
          "img-src": ["'self'", "data:", "blob:"],
          "connect-src": ["'self'"],
          "upgrade-insecure-requests": config.NODE_ENV === "production" ? [] : null,
        },
      },
      crossOriginEmbedderPolicy: false,
    }),
  );
  app.use(compression());
  app.use(metricsRoutes(metrics, config.METRICS_TOKEN));

  // One-click unsubscribe: the signed link is the credential; no session, so no CSRF to check.
  app.use("/api", unsubscribeRoutes());
  app.use(
    "/api",
    express.json({ limit: "256kb" }),
    sessionMiddleware,
    passport.initialize(),
    passport.session(),
    sessionLifetime(config),
    attachActor,
    visitTracker(logger),
    originCheck({ publicUrl: config.PUBLIC_URL, trustProxy: config.TRUST_PROXY }),
    requireCsrfToken,
    apiRouter({ databaseKind, config, redisUp }),
  );

  mountClient(app, config.CLIENT_BUILD_DIR);
  app.use(errorHandler);
  return app;
}

/** Serves the built Svelte app; any other path gets index.html so the client router can take it. */
function mountClient(app: express.Express, buildDir: string): void {
  const indexFile = path.join(buildDir, "index.html");
  app.use(
    "/_app/immutable",
    express.static(path.join(buildDir, "_app", "immutable"), { immutable: true, maxAge: "1y", fallthrough: false }),
  );
  app.use(express.static(buildDir, { index: false, maxAge: "1h" }));
  app.get(CLIENT_PAGES, (_req, res) => {
    if (!existsSync(indexFile)) {
      res
        .status(503)
        .type("text/plain; charset=utf-8")
        .send("Interfejs forum nie jest zbudowany. Uruchom: npm run build (albo npm start, który robi to sam).");
      return;
    }
    res.setHeader("Cache-Control", "no-cache");
    res.sendFile(indexFile);
  });
}
