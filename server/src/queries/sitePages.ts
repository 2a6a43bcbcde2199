import { templateFields, type SitePageSlug, type SitePageView } from "@forum/shared";
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

/**
 * The page as `reader` may see it: while the shipped template's fields ("[adres e-mail IOD]") are still in it, the
 * text is a draft for its editors, and everyone else learns only that the page is being prepared (a privacy notice
 * naming "[pełna nazwa…]" as the controller must not go out as the forum's statement).
 */
export function presentSitePage(page: SitePageDocument, reader: { mayEdit: boolean }): SitePageView {
  const unfilled = templateFields(page.markdown);
  const inPreparation = unfilled.length > 0;
  const withheld = inPreparation && !reader.mayEdit;
  return {
    slug: page.slug as SitePageSlug,
    title: page.title,
    markdown: withheld ? "" : page.markdown,
    html: withheld ? "" : page.html,
    version: page.version,
    updatedAt: page.updatedAt.toISOString(),
    inPreparation,
    unfilled: reader.mayEdit ? unfilled : [],
  };
}
