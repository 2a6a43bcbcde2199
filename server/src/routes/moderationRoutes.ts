import { Router } from "express";
import { endpoints, type AuditActorsResponse, type AuditPage, type ModerationDashboard } from "@forum/shared";
import { anyOf } from "../db/anyOf.js";
import { route, sent } from "../http/declareRoute.js";
import { User } from "../models/User.js";
import { authorize } from "../policies/index.js";
import { presentAuditEntries } from "../presenters/auditEntryPresenter.js";
import { auditCsv } from "../presenters/auditCsv.js";
import { auditExport, auditPage } from "../queries/auditLog.js";
import { moderationQueueCounts } from "../queries/moderationQueues.js";
import { projectIndicators } from "../queries/projectIndicators.js";

const RECENT_ACTIONS = 10;

/**
 * The moderator dashboard and the audit log. Read-only on purpose: the log has no route that
 * changes or removes entries (and the Event model refuses it too).
 */
export function moderationRoutes(): Router {
  const router = Router();

  route(router, endpoints.moderation.queues, async ({ actor }) => {
    authorize(actor, "view", "Moderation", null);
    return moderationQueueCounts();
  });

  route(router, endpoints.moderation.dashboard, async ({ actor }) => {
    authorize(actor, "view", "Moderation", null);
    const [queues, recent, indicators] = await Promise.all([
      moderationQueueCounts(),
      auditPage({}, RECENT_ACTIONS),
      projectIndicators(),
    ]);
    const body: ModerationDashboard = {
      queues,
      recentActions: await presentAuditEntries(recent.events),
      indicators,
    };
    return body;
  });

  route(router, endpoints.moderation.audit, async ({ actor, query }) => {
    authorize(actor, "audit", "Moderation", null);
    const page = await auditPage(query());
    const body: AuditPage = { entries: await presentAuditEntries(page.events), nextCursor: page.nextCursor };
    return body;
  });

  route(router, endpoints.moderation.auditActors, async ({ actor }) => {
    authorize(actor, "audit", "Moderation", null);
    const staff = await User.find({ role: anyOf(["moderator", "admin"]) }, { name: 1, username: 1, role: 1 })
      .sort({ name: 1 })
      .lean();
    const body: AuditActorsResponse = {
      actors: staff.map((user) => ({
        id: user._id.toString(),
        name: user.name,
        username: user.username,
        role: user.role,
      })),
    };
    return body;
  });

  route(router, endpoints.moderation.auditCsv, async ({ actor, query: parseQuery }, _req, res) => {
    authorize(actor, "audit", "Moderation", null);
    const { cursor: _ignored, ...query } = parseQuery();
    const entries = await presentAuditEntries(await auditExport(query));
    const day = new Date().toISOString().slice(0, 10);
    return sent(
      res.type("text/csv; charset=utf-8").attachment(`dziennik-moderacji-${day}.csv`).send(auditCsv(entries)),
    );
  });

  return router;
}
