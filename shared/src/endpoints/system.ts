import type { HealthReport, ReadinessReport } from "../index.js";
import { defineEndpoints, file, json } from "./endpoint.js";

export const systemEndpoints = defineEndpoints("System", {
  health: {
    method: "get",
    path: "/health",
    summary: "Czy serwer działa (liveness)",
    signedIn: false,
    response: json<HealthReport>(),
  },
  ready: {
    method: "get",
    path: "/ready",
    summary: "Czy serwer jest gotowy: baza danych i Redis (readiness)",
    signedIn: false,
    response: json<ReadinessReport>(),
  },
  openApi: {
    method: "get",
    path: "/openapi.json",
    summary: "Ten opis API (OpenAPI 3.1)",
    signedIn: false,
    response: json<Record<string, unknown>>(),
  },
  /** Prometheus' scrape target: at the site root, behind its own token, in Prometheus' text format. */
  metrics: {
    method: "get",
    path: "/metrics",
    summary: "Metryki Prometheusa (z tokenem METRICS_TOKEN)",
    signedIn: false,
    root: true,
    response: file("metrics"),
  },
});
