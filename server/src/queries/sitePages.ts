import type { SitePageSlug, SitePageView } from "@forum/shared";
import { isDuplicateKeyError } from "../db/duplicateKey.js";
import { SitePage, type SitePageDocument } from "../models/SitePage.js";
import { renderMarkdown } from "../infra/markdown.js";
import { sitePageDefault } from "../domain/sitePageDefaults.js";

/** The stored page; the first read stores the text the forum ships with, so a fresh install has both pages. */
export async function loadSitePage(slug: SitePageSlug, ipRetentionDays: number): Promise<SitePageDocument> {
  const existing = await SitePage.findOne({ slug }).lean();
  if (existing) return existing;
  const { title, markdown } = sitePageDefault(slug, ipRetentionDays);
  try {
    return (await SitePage.create({ slug, title, markdown, html: renderMarkdown(markdown), version: 1 })).toObject();
  } catch (error) {
    if (!isDuplicateKeyError(error)) throw error;
    const stored = await SitePage.findOne({ slug }).lean();
    if (!stored) throw error;
    return stored;
  }
}

export function presentSitePage(page: SitePageDocument): SitePageView {
  return {
    slug: page.slug as SitePageSlug,
    title: page.title,
    markdown: page.markdown,
    html: page.html,
    version: page.version,
    updatedAt: page.updatedAt.toISOString(),
  };
}
