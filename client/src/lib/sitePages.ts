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

/** The public page's link (resolve() needs each route spelled out). */
export function publicPageHref(slug: SitePageSlug): string {
  return slug === "privacy" ? resolve("/polityka-prywatnosci") : resolve("/deklaracja-dostepnosci");
}
