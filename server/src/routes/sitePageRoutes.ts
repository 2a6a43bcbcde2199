import { Router } from "express";
import { endpoints, SITE_PAGE_SLUGS, type SitePageSlug } from "@forum/shared";
import { sitePageUpdater } from "../commands/sitePageUpdater.js";
import type { Config } from "../config.js";
import { notFound } from "../errors/AppError.js";
import { route } from "../http/declareRoute.js";
import { authorize, can } from "../policies/index.js";
import { loadSitePage, presentSitePage } from "../queries/sitePages.js";

function slugOf(slug: string): SitePageSlug {
  if (!SITE_PAGE_SLUGS.includes(slug as SitePageSlug)) throw notFound("Nie ma takiej strony.");
  return slug as SitePageSlug;
}

/** The privacy notice and the accessibility statement: read by everyone, edited by admins. */
export function sitePageRoutes(config: Pick<Config, "IP_RETENTION_DAYS">): Router {
  const router = Router();

  route(router, endpoints.admin.page, async ({ actor, params }) => {
    const slug = slugOf(params.slug);
    authorize(actor, "read", "SitePage", null);
    const mayEdit = can(actor, "edit", "SitePage", null);
    return { page: presentSitePage(await loadSitePage(slug, config.IP_RETENTION_DAYS), { mayEdit }) };
  });

  route(router, endpoints.admin.updatePage, async ({ actor, user, params, body, context }) => {
    const slug = slugOf(params.slug);
    authorize(actor, "edit", "SitePage", null);
    const input = body();
    // The first save of a fresh install edits the shipped text, which must be stored to carry a version.
    await loadSitePage(slug, config.IP_RETENTION_DAYS);
    const page = await sitePageUpdater({ slug, ...input, actorId: user._id, context });
    return { page: presentSitePage(page, { mayEdit: true }) };
  });
  return router;
}
