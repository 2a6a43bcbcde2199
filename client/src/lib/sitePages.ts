import { resolve } from "$app/paths";
import type { SitePageSlug } from "@forum/shared/sitePages";

/** The public address of each legal page; the admin editor uses the same names (/admin/strony/<path>). */
export const SITE_PAGE_PATHS = {
  privacy: "polityka-prywatnosci",
  accessibility: "deklaracja-dostepnosci",
} as const satisfies Record<SitePageSlug, string>;

export type SitePagePath = (typeof SITE_PAGE_PATHS)[SitePageSlug];

export function slugOfPath(path: string): SitePageSlug | null {
  const found = Object.entries(SITE_PAGE_PATHS).find(([, value]) => value === path);
  return found ? (found[0] as SitePageSlug) : null;
}

/** What an admin typed and did not save yet, kept in localStorage like the other editors' drafts. */
export interface SitePageDraft {
  title: string;
  markdown: string;
  /** The version the text was based on, so a draft of an older version is recognised as such. */
  baseVersion: number;
}

const key = (slug: SitePageSlug) => `forum.draft.sitePage.${slug}`;

export function loadSitePageDraft(slug: SitePageSlug): SitePageDraft | null {
  try {
    const stored = localStorage.getItem(key(slug));
    if (!stored) return null;
    const parsed = JSON.parse(stored) as Partial<SitePageDraft>;
    if (typeof parsed.title !== "string" || typeof parsed.markdown !== "string") return null;
    return { title: parsed.title, markdown: parsed.markdown, baseVersion: Number(parsed.baseVersion) || 0 };
  } catch {
    // Storage disabled or a corrupt entry: start from what the server has.
    return null;
  }
}

export function saveSitePageDraft(slug: SitePageSlug, draft: SitePageDraft): void {
  try {
    localStorage.setItem(key(slug), JSON.stringify(draft));
  } catch {
    // Quota exceeded or storage disabled: the text stays in the form for this visit.
  }
}

export function clearSitePageDraft(slug: SitePageSlug): void {
  try {
    localStorage.removeItem(key(slug));
  } catch {
    // nothing to clear
  }
}

/** The public page's link (resolve() needs each route spelled out). */
export function publicPageHref(slug: SitePageSlug): string {
  return slug === "privacy" ? resolve("/polityka-prywatnosci") : resolve("/deklaracja-dostepnosci");
}
