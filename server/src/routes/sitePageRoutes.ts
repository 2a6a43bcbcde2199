import { Router, type Request } from "express";
import { SITE_PAGE_SLUGS, sitePageUpdateSchema, type SitePageSlug } from "@forum/shared";
import { sitePageUpdater } from "../commands/sitePageUpdater.js";
import type { Config } from "../config.js";
import { notFound, unauthorized } from "../errors/AppError.js";
import { parseInput } from "../http/validation.js";
import { authorize } from "../policies/index.js";
import { loadSitePage, presentSitePage } from "../queries/sitePages.js";

function slugOf(req: Request): SitePageSlug {
  const slug = req.params.slug;
  if (!SITE_PAGE_SLUGS.includes(slug as SitePageSlug)) throw notFound("Nie ma takiej strony.");
  return slug as SitePageSlug;
}

/** The privacy notice and the accessibility statement: read by everyone, edited by admins. */
export function sitePageRoutes(config: Pick<Config, "IP_RETENTION_DAYS">): Router {
  const router = Router();

  router.get("/pages/:slug", async (req, res) => {
    const slug = slugOf(req);
    authorize(req.actor ?? null, "read", "SitePage", null);
    res.json({ page: presentSitePage(await loadSitePage(slug, config.IP_RETENTION_DAYS)) });
  });

  router.put("/pages/:slug", async (req, res) => {
    const slug = slugOf(req);
    if (!req.actor || !req.user) throw unauthorized();
    authorize(req.actor, "edit", "SitePage", null);
    const input = parseInput(sitePageUpdateSchema, req.body);
    // The first save of a fresh install edits the shipped text, which must be stored to carry a version.
    await loadSitePage(slug, config.IP_RETENTION_DAYS);
    const page = await sitePageUpdater({ slug, ...input, actorId: req.user._id, context: req.context });
    res.json({ page: presentSitePage(page) });
  });
  return router;
}
