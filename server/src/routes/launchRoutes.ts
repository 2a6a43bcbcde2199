import { Router } from "express";
import { endpoints } from "@forum/shared";
import type { Config } from "../config.js";
import { route } from "../http/declareRoute.js";
import { authorize } from "../policies/index.js";
import { launchChecklist } from "../queries/launchChecklist.js";

/** The administrators' launch checklist: what is still missing before the forum goes live. */
export function launchRoutes(
  config: Pick<Config, "PUBLIC_URL" | "SMTP_URL" | "SESSION_SECRET" | "IP_RETENTION_DAYS">,
): Router {
  const router = Router();
  route(router, endpoints.admin.launchChecklist, async ({ actor }) => {
    authorize(actor, "read", "LaunchChecklist", null);
    return launchChecklist(config);
  });
  return router;
}
