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
  /**
   * The shipped template's fields still in the text ("[adres e-mail IOD]", "[RRRR-MM-DD]"). While any remain the
   * page is being prepared: people who may not edit it get no text (`markdown` and `html` empty), only this flag.
   */
  inPreparation: boolean;
  /** The fields left to fill, for those who may edit the page (empty for everyone else). */
  unfilled: string[];
}

/**
 * Template fields left in a page's markdown: text in square brackets that is not a link (`[text](…)`) or a
 * reference (`[text][ref]`), each named once, in order. The shipped texts mark every gap this way.
 */
export function templateFields(markdown: string): string[] {
  const fields = [...markdown.matchAll(/(?<![\\\]!])\[([^[\]\n]+)\](?![([:])/gu)].map((match) => match[1]!.trim());
  return [...new Set(fields)];
}

const EMAIL = /[^\s@[\]()<>]+@[^\s@[\]()<>]+\.[a-z]{2,}/iu;

/**
 * Whether the accessibility statement names its coordinator's contact (ustawa o dostępności cyfrowej, art. 10):
 * the paragraph about the contact person has an e-mail address and no template field left.
 */
export function hasAccessibilityContact(markdown: string): boolean {
  const paragraph = markdown.split(/\n\s*\n/u).find((text) => /koordynator|osob[aą] kontaktow/iu.test(text));
  return paragraph !== undefined && EMAIL.test(paragraph) && templateFields(paragraph).length === 0;
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
