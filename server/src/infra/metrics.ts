import type { Request, RequestHandler } from "express";
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";
import { Meeting } from "../models/Meeting.js";
import type { ForumIo } from "../realtime/socketServer.js";
import { eventBus } from "./eventBus.js";
import { moderationQueueCounts } from "../queries/moderationQueues.js";

export interface ForumMetrics {
  registry: Registry;
  /** Times every HTTP request; mount it first so that it sees every answer. */
  httpTimer: RequestHandler;
  /** The sockets of this process are counted from here on (the io server is made after the app). */
  watchSockets(io: ForumIo): void;
  stop(): void;
}

/**
 * The route pattern a request matched (`/api/threads/:id`), never the raw URL, so that the number of label values
 * stays bounded. Every router under /api is mounted without a path; when a handler throws, Express has already
 * reset `req.baseUrl` by the time the answer is sent, hence the fallback to the prefix the URL starts with.
 */
function routeLabel(req: Request): string {
  const route = req.route as { path?: unknown } | undefined;
  if (!route) return req.originalUrl.startsWith("/socket.io/") ? "/socket.io" : "unmatched";
  if (typeof route.path !== "string") return "client";
  const base = req.baseUrl || (req.originalUrl.startsWith("/api/") ? "/api" : "");
  return `${base}${route.path}`;
}

/** One registry per server process; Prometheus sums the processes (each scraped on its own address). */
export function createForumMetrics(): ForumMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });

  const httpDuration = new Histogram({
    name: "http_request_duration_seconds",
    help: "Czas obsługi żądań HTTP (sekundy) według metody, wzorca trasy i klasy statusu",
    labelNames: ["method", "route", "status_class"] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const eventsTotal = new Counter({
    name: "forum_events_total",
    help: "Zapisane zdarzenia (recordEvent) według nazwy; zdarzenia na sekundę: rate(forum_events_total[5m])",
    labelNames: ["name"] as const,
    registers: [registry],
  });
  const stopCountingEvents = eventBus.subscribe((event) => eventsTotal.inc({ name: event.name }));

  let io: ForumIo | null = null;
  new Gauge({
    name: "forum_sockets_connected",
    help: "Połączenia Socket.IO otwarte w tym procesie",
    registers: [registry],
    collect() {
      this.set(io ? io.of("/").sockets.size : 0);
    },
  });
  new Gauge({
    name: "forum_socket_rooms",
    help: "Pokoje Socket.IO (wątki, osoby, spotkania) z co najmniej jednym połączeniem w tym procesie",
    registers: [registry],
    collect() {
      this.set(io ? io.of("/").adapter.rooms.size : 0);
    },
  });
  new Gauge({
    name: "forum_live_rooms",
    help: "Spotkania na żywo (otwarte pokoje spotkań)",
    registers: [registry],
    async collect() {
      this.set(await Meeting.countDocuments({ status: "live" }));
    },
  });
  new Gauge({
    name: "forum_queue_size",
    help: "Sprawy czekające na moderatora: zgłoszenia, wpisy do zatwierdzenia, prośby o konto",
    labelNames: ["queue"] as const,
    registers: [registry],
    async collect() {
      const counts = await moderationQueueCounts();
      this.set({ queue: "flags" }, counts.flags);
      this.set({ queue: "pending_posts" }, counts.approvals);
      this.set({ queue: "account_requests" }, counts.accountRequests);
    },
  });

  const httpTimer: RequestHandler = (req, res, next) => {
    const end = httpDuration.startTimer();
    res.once("finish", () => {
      end({ method: req.method, route: routeLabel(req), status_class: `${Math.floor(res.statusCode / 100)}xx` });
    });
    next();
  };

  return {
    registry,
    httpTimer,
    watchSockets: (server) => {
      io = server;
    },
    stop: stopCountingEvents,
  };
}
