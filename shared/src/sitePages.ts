import { z } from "zod";

/** The editable legal pages: the privacy notice and the accessibility statement (deklaracja dostępności). */
export const SITE_PAGE_SLUGS = ["privacy", "accessibility"] as const;
export type SitePageSlug = (typeof SITE_PAGE_SLUGS)[number];

export const SITE_PAGE_MARKDOWN_MAX = 100_000;

export interface SitePageView {
  slug: SitePageSlug;
  title: string;
  markdown: string;
  /** Rendered and sanitized on the server when saved. */
  html: string;
  version: number;
  updatedAt: string;
}

/** An admin's save; `baseVersion` is the version the editor started from (a stale one is a conflict). */
export const sitePageUpdateSchema = z.object({
  title: z
    .string({ message: "Podaj tytuł strony." })
    .trim()
    .min(3, { message: "Tytuł musi mieć co najmniej 3 znaki." })
    .max(200, { message: "Tytuł może mieć najwyżej 200 znaków." }),
  markdown: z
    .string({ message: "Podaj treść strony." })
    .trim()
    .min(20, { message: "Treść musi mieć co najmniej 20 znaków." })
    .max(SITE_PAGE_MARKDOWN_MAX, { message: `Treść może mieć najwyżej ${SITE_PAGE_MARKDOWN_MAX} znaków.` }),
  baseVersion: z.number({ message: "Brak wersji strony." }).int().min(1, { message: "Brak wersji strony." }),
});
export type SitePageUpdateInput = z.infer<typeof sitePageUpdateSchema>;

export interface SitePageResponse {
  page: SitePageView;
}
